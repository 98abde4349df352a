import "server-only";
import { env } from "../env";
import { readUserKey } from "../keys/user-keys";
import type { EachlabsAccess } from "./client";

/** The server's own access: its key (or the simulator's) and base URLs. */
export function serverAccess(): EachlabsAccess {
  const { eachlabs } = env();
  return { apiKey: eachlabs.apiKey, keySource: "server", urls: eachlabs.urls };
}

/** A person's runs use their own stored key when they saved one, else the server's. */
export async function accessFor(userId: string): Promise<EachlabsAccess> {
  const own = await readUserKey(userId);
  const server = serverAccess();
  return own ? { ...server, apiKey: own, keySource: "user" } : server;
}
