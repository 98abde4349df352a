"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ApiError } from "@/lib/client/api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

function Countdown({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) return onDone();
    const timer = setTimeout(() => setLeft((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onDone]);
  return <span className="tabular-nums">{left}</span>;
}

/** Why starting a run failed, and what to do next. The form keeps its values meanwhile. */
export function RunErrorAlert({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const [waiting, setWaiting] = useState(error.kind === "rate_limited");
  if (error.code === "unauthorized:api_key") {
    return (
      <Alert tone="error" title="Your API key was refused">
        each::labs did not accept the key this run used.{" "}
        <Link href="/settings" className="font-medium underline">
          Check your key in Settings
        </Link>
        .
      </Alert>
    );
  }
  if (error.kind === "rate_limited") {
    return (
      <Alert tone="warning" title="Rate limited">
        <p>{error.message}</p>
        <div className="mt-2">
          {waiting ? (
            <span className="text-sm">
              You can try again in{" "}
              <Countdown
                seconds={error.details.retryAfter ?? 30}
                onDone={() => setWaiting(false)}
              />{" "}
              s.
            </span>
          ) : (
            <Button size="sm" onClick={onRetry}>
              Try again
            </Button>
          )}
        </div>
      </Alert>
    );
  }
  if (error.kind === "payment_required") {
    return (
      <Alert tone="error" title="Your balance is too low">
        {error.message}{" "}
        <a
          href="https://www.eachlabs.ai"
          className="font-medium underline"
          target="_blank"
          rel="noreferrer"
        >
          Top up on each::labs
        </a>
      </Alert>
    );
  }
  if (error.kind === "unprocessable") {
    return (
      <Alert tone="error">{error.message} The fields that need attention are marked below.</Alert>
    );
  }
  if (error.kind === "unauthorized") {
    return (
      <Alert tone="error">
        Your session has ended.{" "}
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(location.pathname + location.search)}`}
          className="font-medium underline"
        >
          Sign in again
        </Link>{" "}
        — your input is kept.
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The run could not start">
      <p>{error.message}</p>
      <Button size="sm" className="mt-2" onClick={onRetry}>
        Retry
      </Button>
    </Alert>
  );
}
