"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { ConversationSummary, ConversationView } from "@/lib/shared/sense-types";
import { SparkIcon } from "../ui/icons";
import { chatKeys } from "./chat-cache";
import { Composer } from "./composer";
import { ComposerDock } from "./composer-dock";
import { clearSentDraft, NEW_CHAT_DRAFT, saveDraft, type DraftImage } from "./composer-drafts";
import { settingsOf, type ComposerValues } from "./composer-schema";
import { startTurn } from "./send-turn";
import { useComposerForm } from "./use-composer-form";

const SUGGESTIONS = [
  "Generate a cinematic sunset landscape in 16:9",
  "A 5 second video of waves rolling onto a beach at dawn",
  "A calm voiceover saying: welcome to the each::labs playground",
  "What are the latest trends in AI video?",
];

/**
 * /chat: nothing open yet. The first Send creates the chat, starts the reply (which streams
 * into the cache) and moves to the chat's own page, taking the typed text along until the
 * server has accepted it.
 */
export function NewChatPane() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useComposerForm(NEW_CHAT_DRAFT, { mode: "max", behavior: "agent", webSearch: true });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (values: ComposerValues, images: DraftImage[]) => {
    setCreating(true);
    setError(null);
    let created: ConversationSummary;
    try {
      ({ conversation: created } = await apiFetch<{ conversation: ConversationSummary }>(
        "/api/chat/conversations",
        { method: "POST", json: settingsOf(values) },
      ));
    } catch (cause) {
      setCreating(false);
      setError(
        cause instanceof Error ? cause.message : "The chat could not be created. Try again.",
      );
      return;
    }
    queryClient.setQueryData<ConversationView>(chatKeys.conversation(created.id), {
      ...created,
      messages: [],
    });
    queryClient.setQueryData<ConversationSummary[]>(chatKeys.conversations, (list) => [
      created,
      ...(list ?? []),
    ]);
    saveDraft(created.id, { content: values.content, images });
    saveDraft(NEW_CHAT_DRAFT, { content: "", images: [] });
    startTurn(
      queryClient,
      created.id,
      {
        content: values.content,
        imageUrls: images.map((image) => image.url),
        ...settingsOf(values),
      },
      { onAccepted: () => clearSentDraft(created.id, values.content) },
    );
    router.push(`/chat/${created.id}`);
  };

  return (
    <div className="flex min-h-[calc(100dvh-11rem)] min-w-0 flex-col">
      <div className="grid flex-1 place-items-center py-8">
        <div className="max-w-xl text-center">
          <span className="brand-gradient mx-auto grid size-12 place-items-center rounded-xl text-white">
            <SparkIcon />
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">What shall we make?</h1>
          <p className="mt-2 text-muted-foreground">
            Ask each::sense for images, video and audio in plain words. It picks the model, runs it
            and keeps what it makes in your gallery.
          </p>
          <ul className="mt-6 grid gap-2 text-left sm:grid-cols-2" aria-label="Suggestions">
            {SUGGESTIONS.map((suggestion) => (
              <li key={suggestion}>
                <button
                  type="button"
                  onClick={() => {
                    form.setValue("content", suggestion);
                    textarea.current?.focus();
                  }}
                  className="h-full w-full rounded-lg border border-border bg-card px-3 py-2.5 text-left text-sm hover:border-primary/50 hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
                >
                  {suggestion}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ComposerDock>
        <Composer
          draftKey={NEW_CHAT_DRAFT}
          form={form}
          textareaRef={textarea}
          busy={false}
          stopping={false}
          sending={creating}
          error={error}
          onSend={(values, images) => void send(values, images)}
          onStop={() => {}}
        />
      </ComposerDock>
    </div>
  );
}
