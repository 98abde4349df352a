"use client";
// The open chat's ways to talk: send from the composer, answer a question, retry a reply,
// and stop the one streaming.
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { clearSentDraft, type DraftImage } from "./composer-drafts";
import { settingsOf, type ComposerValues } from "./composer-schema";
import { startTurn } from "./send-turn";
import { stopTurn } from "./stop-turn";

export function useChatTurns(
  conversationId: string,
  messages: readonly ChatMessageView[],
  streaming: ChatMessageView | null,
  form: UseFormReturn<ComposerValues>,
) {
  const queryClient = useQueryClient();
  const [stopRequested, setStopRequested] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = (values: ComposerValues, images: DraftImage[]) => {
    setError(null);
    startTurn(
      queryClient,
      conversationId,
      {
        content: values.content,
        imageUrls: images.map((image) => image.url),
        ...settingsOf(values),
      },
      { onAccepted: () => clearSentDraft(conversationId, values.content) },
    );
  };

  /** An option, an approval: sent with the composer's current settings, text untouched. */
  const answer = (text: string) => {
    setError(null);
    startTurn(queryClient, conversationId, {
      content: text,
      imageUrls: [],
      ...settingsOf(form.getValues()),
    });
  };

  /** The same user message again, with the images and settings it had. */
  const retry = (reply: ChatMessageView) => {
    const index = messages.findIndex((message) => message.id === reply.id);
    const asked = messages.slice(0, index).findLast((message) => message.role === "user");
    if (!asked) return;
    setError(null);
    startTurn(queryClient, conversationId, {
      content: asked.content,
      imageUrls: asked.attachments,
      ...(asked.settings ?? reply.settings ?? settingsOf(form.getValues())),
    });
  };

  const stop = async () => {
    setStopRequested(true);
    setError(null);
    try {
      await stopTurn(conversationId, streaming?.id ?? null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Stopping failed. Try again.");
    } finally {
      setStopRequested(false);
    }
  };

  return {
    send,
    answer,
    retry,
    stop,
    stopping: stopRequested && streaming !== null,
    error,
    setError,
  };
}
