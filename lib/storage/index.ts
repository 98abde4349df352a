import "server-only";
import path from "node:path";
import { env } from "../env";
import { localStore } from "./local-store";
import type { MediaStore } from "./media-store";

let store: MediaStore | undefined;

/** The configured media store (the local folder DATA_DIR/media for now). */
export function mediaStore(): MediaStore {
  store ??= localStore(path.join(env().dataDir, "media"));
  return store;
}
