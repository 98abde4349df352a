"use client";
import { BusySpinner } from "../gallery/busy-spinner";
import { Button } from "../ui/button";
import { SendIcon, StopIcon } from "./chat-icons";

/** Send, or Stop while a reply streams, each saying when it is at work. */
export function SendButton({
  busy,
  stopping,
  sending,
  onStop,
}: {
  busy: boolean;
  stopping: boolean;
  sending: boolean;
  onStop: () => void;
}) {
  if (busy) {
    return (
      <Button variant="secondary" size="sm" onClick={onStop} disabled={stopping}>
        {stopping ? <BusySpinner className="size-3.5" /> : <StopIcon />}
        {stopping ? "Stopping…" : "Stop"}
      </Button>
    );
  }
  return (
    <Button type="submit" size="sm" disabled={sending} aria-label="Send">
      {sending ? <BusySpinner className="size-3.5" /> : <SendIcon />}
      {sending ? "Sending…" : "Send"}
    </Button>
  );
}
