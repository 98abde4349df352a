import { ApiError } from "@/lib/client/api";

/** The server's own words when it sent some (they say what to do next), else a plain line. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong. Please try again.";
}
