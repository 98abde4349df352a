/**
 * Starts a download without leaving the page: a link with `download` makes the browser save
 * the response, and a failed one ends in the browser's download list instead of replacing
 * the gallery with an error page (as `window.location` would).
 */
export function startDownload(url: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

export function zipUrl(ids: readonly string[]): string {
  return `/api/downloads/zip?ids=${ids.map(encodeURIComponent).join(",")}`;
}
