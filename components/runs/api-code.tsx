"use client";

import { useState } from "react";
import { apiSnippet, type SnippetLanguage, type SnippetRequest } from "@/lib/shared/api-snippets";
import { cn } from "@/lib/shared/cn";
import { Button } from "../ui/button";

const LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: "curl", label: "cURL" },
  { id: "python", label: "Python" },
  { id: "javascript", label: "JavaScript" },
];

/** Copyable code that makes this exact run against the real API (key left as a placeholder). */
export function ApiCode({ request }: { request: SnippetRequest }) {
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [copied, setCopied] = useState(false);
  const code = apiSnippet(language, request);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <div
          role="tablist"
          aria-label="Language"
          className="inline-flex rounded-md border border-border bg-muted p-0.5"
        >
          {LANGUAGES.map(({ id, label }) => (
            <button
              key={id}
              role="tab"
              type="button"
              aria-selected={language === id}
              onClick={() => setLanguage(id)}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium",
                language === id
                  ? "bg-card text-foreground shadow-sm"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {label}
            </button>
          ))}
        </div>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard.writeText(code);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre
        data-testid="api-code"
        className="max-h-[32rem] overflow-auto rounded-lg border border-border bg-muted p-4 font-mono text-xs leading-relaxed"
      >
        <code>{code}</code>
      </pre>
      <p className="text-xs text-muted-foreground">
        Replace YOUR_API_KEY with a key from your each::labs account. The playground itself never
        shows your key.
      </p>
    </div>
  );
}
