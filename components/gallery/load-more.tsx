"use client";

import { useEffect, useRef } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { BusySpinner } from "./busy-spinner";
import { errorMessage } from "./error-message";

/**
 * The end of the grid: loads the next page when it comes within a screen of the viewport,
 * and offers a "Load more" button too (no IntersectionObserver, a keyboard user, or after
 * a failure, which stops the automatic loading until asked again).
 */
export function LoadMore({
  onLoad,
  loading,
  error,
  pages,
}: {
  onLoad: () => void;
  loading: boolean;
  error: unknown;
  /** Pages loaded so far: observing again after each one catches a sentinel still in view. */
  pages: number;
}) {
  const sentinel = useRef<HTMLDivElement>(null);
  const failed = Boolean(error);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === "undefined" || loading || failed) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoad();
      },
      { rootMargin: "0px 0px 800px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [onLoad, loading, failed, pages]);

  return (
    <div ref={sentinel} className="mt-8 flex flex-col items-center gap-3">
      {failed ? <Alert tone="error">Could not load more: {errorMessage(error)}</Alert> : null}
      <Button variant="secondary" onClick={onLoad} disabled={loading}>
        {loading ? (
          <>
            <BusySpinner /> Loading…
          </>
        ) : failed ? (
          "Try again"
        ) : (
          "Load more"
        )}
      </Button>
    </div>
  );
}
