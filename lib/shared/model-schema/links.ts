/** True for an absolute http(s) link: what the API can fetch (not blob:, data: or a bare path). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** "photo.png" from "https://cdn.example.com/uploads/photo.png?x=1", for captions. */
export function fileNameOfUrl(text: string): string {
  try {
    const url = new URL(text);
    const last = url.pathname.split("/").filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : url.hostname;
  } catch {
    return text;
  }
}
