"use client";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

function relative(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return days === 1 ? "yesterday" : `${days} days ago`;
  return new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric" });
}

/** "5 min ago" in the browser; the server, which renders at another moment, says the date. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(
    noSubscribe,
    () => Math.floor(Date.now() / 60_000) * 60_000,
    () => null,
  );
  return (
    <time dateTime={iso} title={new Date(iso).toUTCString()}>
      {now === null
        ? new Date(iso).toLocaleDateString("en", {
            month: "short",
            day: "numeric",
            timeZone: "UTC",
          })
        : relative(iso, now)}
    </time>
  );
}
