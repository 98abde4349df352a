"use client";
import { useEffect, useId, useRef, useState, type DragEvent, type RefObject } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { MEDIA_LIMITS } from "@/lib/shared/model-schema";
import { CHAT_MAX_IMAGES } from "@/lib/shared/sense-schemas";
import { cn } from "@/lib/shared/cn";
import { AttachmentThumb } from "./attachment-thumb";
import { PaperclipIcon } from "./chat-icons";
import {
  readDraft,
  saveDraft,
  subscribeDrafts,
  takeUnheardClear,
  type DraftImage,
} from "./composer-drafts";
import type { ComposerValues } from "./composer-schema";
import { ComposerSettings } from "./composer-settings";
import { SendButton } from "./send-button";
import { useAttachments } from "./use-attachments";

type Props = {
  /** The chat's id, or NEW_CHAT_DRAFT: where the text is kept while it is not sent. */
  draftKey: string;
  form: UseFormReturn<ComposerValues>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** A reply is streaming: Send becomes Stop. */
  busy: boolean;
  stopping: boolean;
  /** The send itself is under way (e.g. the chat is being created). */
  sending: boolean;
  error: string | null;
  onSend: (values: ComposerValues, images: DraftImage[]) => void;
  onStop: () => void;
};

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/**
 * The message box: Enter sends, Shift+Enter adds a line, Ctrl/Cmd+Enter sends too. Images
 * come by drag and drop, paste or the picker, and upload at once.
 */
export function Composer(props: Props) {
  const { draftKey, form, textareaRef, busy, stopping, sending, error, onSend, onStop } = props;
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const attachments = useAttachments(readDraft(draftKey)?.images ?? []);
  const content = useWatch({ control: form.control, name: "content" });
  const { ready, reset } = attachments;

  useEffect(() => saveDraft(draftKey, { content, images: ready }), [draftKey, content, ready]);

  useEffect(() => {
    const emptyIfSent = (sent: string) => {
      if (form.getValues("content").trim() !== sent.trim()) return;
      form.setValue("content", "");
      form.clearErrors("content");
      reset();
    };
    const unsubscribe = subscribeDrafts(draftKey, emptyIfSent);
    // Accepted between this composer reading its draft and subscribing.
    const missed = takeUnheardClear(draftKey);
    if (missed !== undefined) emptyIfSent(missed);
    return unsubscribe;
  }, [draftKey, form, reset]);

  const submit = form.handleSubmit((values) => {
    if (busy || sending) return;
    if (attachments.uploading) return setNotice("Wait until the images have uploaded.");
    setNotice(null);
    onSend(values, ready);
  });

  const { ref: registerRef, ...field } = form.register("content");
  const fieldError = form.formState.errors.content?.message;
  const message = fieldError ?? error ?? notice ?? attachments.notice;
  const failed = attachments.items.find((item) => item.error)?.error;

  return (
    <form
      onSubmit={submit}
      aria-label="Write a message"
      onDragEnter={(event) => hasFiles(event) && setDragging(true)}
      onDragOver={(event) => hasFiles(event) && event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        attachments.add(Array.from(event.dataTransfer.files));
      }}
      className={cn(
        "relative rounded-2xl border bg-card shadow-sm transition-colors",
        "has-[textarea:focus-visible]:border-ring",
        dragging ? "border-primary bg-accent" : "border-input",
      )}
    >
      {dragging ? (
        <div className="pointer-events-none absolute inset-0 z-10 grid place-items-center rounded-2xl bg-accent/90 text-sm font-medium text-accent-foreground">
          Drop images to attach them
        </div>
      ) : null}
      {attachments.items.length > 0 ? (
        <ul aria-label="Attached images" className="flex gap-2 overflow-x-auto px-3 pt-3">
          {attachments.items.map((item) => (
            <AttachmentThumb
              key={item.key}
              item={item}
              onRemove={() => attachments.remove(item.key)}
            />
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${id}-message`} className="sr-only">
        Message
      </label>
      <textarea
        id={`${id}-message`}
        {...field}
        ref={(element) => {
          registerRef(element);
          textareaRef.current = element;
        }}
        rows={2}
        placeholder="Ask each::sense for an image, a video, a voiceover…"
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`${id}-status`}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
          if (event.shiftKey && !event.ctrlKey && !event.metaKey) return;
          event.preventDefault();
          void submit();
        }}
        onPaste={(event) => {
          const files = Array.from(event.clipboardData.files);
          if (files.length === 0) return;
          event.preventDefault();
          attachments.add(files);
        }}
        className="block max-h-60 min-h-16 w-full resize-none bg-transparent px-4 pt-3 pb-2 text-base [field-sizing:content] placeholder:text-muted-foreground focus:outline-none sm:text-sm"
      />
      <div className="flex flex-wrap items-center gap-2 px-2.5 pb-2.5">
        <input
          ref={picker}
          type="file"
          accept={MEDIA_LIMITS.image.mimeTypes.join(",")}
          multiple
          hidden
          onChange={(event) => {
            attachments.add(Array.from(event.target.files ?? []));
            // Picking the same file again after removing it must fire `change` again.
            event.target.value = "";
          }}
        />
        <button
          type="button"
          onClick={() => picker.current?.click()}
          aria-label="Attach images"
          title={`Attach up to ${CHAT_MAX_IMAGES} images (or drop or paste them)`}
          className="grid size-8 shrink-0 place-items-center rounded-lg text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          <PaperclipIcon width={18} height={18} />
        </button>
        <ComposerSettings control={form.control} />
        <div className="ml-auto">
          <SendButton busy={busy} stopping={stopping} sending={sending} onStop={onStop} />
        </div>
      </div>
      <p
        id={`${id}-status`}
        aria-live="polite"
        className={cn(
          "px-4 pb-2.5 text-xs empty:hidden",
          message || failed ? "text-destructive" : "text-muted-foreground",
        )}
      >
        {message ?? failed ?? ""}
      </p>
    </form>
  );
}
