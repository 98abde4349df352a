import type { ChatMessageView } from "@/lib/shared/sense-types";

/** A note from the playground itself, e.g. where each::sense's memory was cleared. */
export function SystemNote({ message }: { message: ChatMessageView }) {
  return (
    <p
      role="note"
      className="flex items-center gap-3 text-center text-xs text-muted-foreground before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border"
    >
      <span className="max-w-md">{message.content}</span>
    </p>
  );
}
