// "Builds if needed": a hash of everything that goes into `next build`, stored beside the
// build. Content, not mtimes, so a fresh clone or a checkout never reuses a stale build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = path.join(".next", "playground-build-stamp");

function addFiles(hash: ReturnType<typeof createHash>, root: string, relative: string): void {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const entry of fs.readdirSync(full).sort())
      if (!SKIP.has(entry)) addFiles(hash, root, path.join(relative, entry));
    return;
  }
  hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) addFiles(hash, root, input);
  return hash.digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), sourceHash(root));
}
