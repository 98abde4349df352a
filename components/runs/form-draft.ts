// The form's values survive a trip to the sign-in page (and a reload): kept per model in
// sessionStorage until a run starts.
const key = (slug: string) => `model-form-draft:${slug}`;

export function readDraft(slug: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(key(slug));
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(slug: string, value: Record<string, unknown>): void {
  try {
    sessionStorage.setItem(key(slug), JSON.stringify(value));
  } catch {
    // storage full or disabled: the draft is a convenience only
  }
}
