"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "./format";

const noSubscribe = () => () => {};

/** A date and time in the reader's own time zone. The server does not know that zone, so
 *  its HTML says UTC and the browser swaps in local time right after hydration. */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso}>
      {inBrowser ? formatDateTime(iso) : `${formatDateTime(iso, "UTC")} UTC`}
    </time>
  );
}
