import { GlobeIcon } from "./chat-icons";
import type { CitationView, SearchView } from "./message-view-model";

/** What each::sense searched the web for, and the sources it found. */
export function WebSearchResults({
  searches,
  citations,
}: {
  searches: SearchView[];
  citations: CitationView[];
}) {
  if (searches.length === 0 && citations.length === 0) return null;
  return (
    <div className="space-y-2 text-sm">
      {searches.map((search) => (
        <p key={search.key} className="flex min-w-0 items-center gap-1.5 text-muted-foreground">
          <GlobeIcon width={14} height={14} className="shrink-0" />
          <span className="truncate">
            Searched the web for <q className="text-foreground">{search.query}</q>
            {search.recency ? ` (${search.recency})` : null}
          </span>
        </p>
      ))}
      {citations.length > 0 ? (
        <section aria-label="Sources">
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">
            Sources
          </h3>
          <ol className="grid gap-2 sm:grid-cols-2">
            {citations.map((citation) => (
              <li
                key={citation.key}
                className="min-w-0 rounded-lg border border-border bg-card px-3 py-2"
              >
                {citation.url ? (
                  <a
                    href={citation.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="line-clamp-1 font-medium text-primary hover:underline"
                  >
                    {citation.title}
                  </a>
                ) : (
                  <span className="line-clamp-1 font-medium">{citation.title}</span>
                )}
                {citation.host ? (
                  <span className="block truncate text-xs text-muted-foreground">
                    {citation.host}
                  </span>
                ) : null}
                {citation.snippet ? (
                  <p className="mt-1 line-clamp-2 text-xs text-muted-foreground">
                    {citation.snippet}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
