import { sha256Hex } from "../prng.js";
import type { Citation } from "./events.js";
import { collapse, stripSenseMarkers } from "./intent.js";

const NEEDS_SEARCH =
  /\b(latest|trend(?:s|ing|y)?|news|search|look up|google|current(?:ly)?|recent(?:ly)?|today'?s?|this (?:week|month|year)|who (?:is|was|won)|what (?:is|are|was|were)|when (?:is|was|did)|how (?:many|much)|facts?|statistics|stats|popular right now|up-to-date)\b/i;

/** Whether the agent would look this up (facts, trends, "latest", "search"). */
export function needsWebSearch(text: string): boolean {
  return NEEDS_SEARCH.test(stripSenseMarkers(text));
}

export function recencyOf(text: string): "day" | "week" | "month" | "year" {
  if (/\b(today|tonight|right now|breaking)\b/i.test(text)) return "day";
  if (/\bthis week\b/i.test(text)) return "week";
  if (/\b(latest|recent|trend|news|current|this month)\w*/i.test(text)) return "month";
  return "year";
}

/** The query the agent sends: the topic without the chat around it, plus the year for "latest". */
export function searchQuery(text: string, now = new Date()): string {
  const topic = collapse(
    stripSenseMarkers(text)
      .replace(
        /^\s*(?:please\s+)?(?:can you\s+|could you\s+)?(?:search(?: the web)? for|look up|google|find out|tell me)\s+/i,
        "",
      )
      .replace(/[?!.]+$/, ""),
  );
  const query = topic.length > 120 ? topic.slice(0, 120).replace(/\s+\S*$/, "") : topic;
  return /\b(latest|trend|news|current|recent)/i.test(query) && !/\b20\d\d\b/.test(query)
    ? `${query} ${now.getUTCFullYear()}`
    : query;
}

/** Three plausible results on example domains, always the same for the same query. */
export function searchResults(query: string, now = new Date()): Citation[] {
  const topic = topicOf(query);
  const slug =
    topic
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "topic";
  const hash = sha256Hex(query).slice(0, 6);
  const month = now.toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  const year = now.getUTCFullYear();
  const title = topic.charAt(0).toUpperCase() + topic.slice(1);
  return [
    {
      title: `${title}: what changed in ${year}`,
      url: `https://example.com/articles/${slug}-${hash}`,
      snippet: `A practical overview of ${topic}, with the developments that mattered most this year and what practitioners are doing differently.`,
    },
    {
      title: `The state of ${topic} — ${month} ${year} roundup`,
      url: `https://news.example.org/${year}/${slug}-roundup`,
      snippet: `Our monthly roundup: the releases, numbers and opinions on ${topic} that people were talking about in ${month}.`,
    },
    {
      title: `${title}, explained`,
      url: `https://docs.example.net/guides/${slug}`,
      snippet: `A plain-language guide to ${topic}: the key terms, the common approaches, and where to learn more.`,
    },
  ];
}

function topicOf(query: string): string {
  const topic = query
    .replace(/\b20\d\d\b/g, "")
    .replace(
      /^\s*(?:what|who|when|where|why|how)\s+(?:is|are|was|were|did|does|do|many|much)\s+(?:the\s+)?/i,
      "",
    )
    .replace(/^\s*(?:the\s+)?(?:latest|current|recent)\s+/i, "")
    .replace(/[?!.]+$/, "");
  return collapse(topic).toLowerCase() || "this topic";
}
