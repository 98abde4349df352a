import { apiFetch } from "@/lib/client/api";

/** Sends a file for a model input through our server to the platform; resolves to its public URL. */
export async function uploadFile(file: File): Promise<string> {
  const { url } = await apiFetch<{ url: string }>("/api/uploads", {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  return url;
}
