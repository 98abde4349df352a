"use client";

import { useEffect, useState } from "react";

/** Seconds since `since`, ticking while shown. */
export function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - new Date(since).getTime()) / 1000);
  return (
    <span className="tabular-nums">
      {seconds < 60
        ? `${seconds.toFixed(0)} s`
        : `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`}
    </span>
  );
}
