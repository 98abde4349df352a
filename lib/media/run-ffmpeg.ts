import "server-only";
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";

/** ffmpeg could not be started at all (not installed), as opposed to failing on a file. */
export class FfmpegUnavailableError extends Error {
  override name = "FfmpegUnavailableError";
}

export class FfmpegError extends Error {
  override name = "FfmpegError";
}

export type FfmpegOptions = {
  /** Fed to ffmpeg's stdin; use `pipe:0` as the input in `args`. */
  stdin?: Readable;
  /** Each stdout chunk as it comes; without it stdout is collected (up to maxStdoutBytes). */
  onStdout?: (chunk: Buffer) => void;
  maxStdoutBytes?: number;
  timeoutMs: number;
};

export type FfmpegResult = { stdout: Buffer; stderr: string };

// Input details (Duration, streams) come first in stderr; the reason for a failure comes last.
const STDERR_HEAD_BYTES = 32 * 1024;
const STDERR_TAIL_BYTES = 2 * 1024;

let binary: Promise<string> | undefined;

/** The bundled binary, or `ffmpeg` from PATH where the bundled one cannot be found. */
function ffmpegBinary(): Promise<string> {
  binary ??= import("@ffmpeg-installer/ffmpeg").then(
    (installer) => installer.default.path,
    () => "ffmpeg",
  );
  return binary;
}

/**
 * Runs ffmpeg once, killing it after `timeoutMs` (a pathological file must not hold a
 * worker forever). Resolves with stdout (unless streamed to onStdout) and the start and end
 * of stderr; rejects with FfmpegError on a non-zero exit, FfmpegUnavailableError without ffmpeg.
 */
export async function runFfmpeg(args: string[], options: FfmpegOptions): Promise<FfmpegResult> {
  const path = await ffmpegBinary();
  const maxStdout = options.maxStdoutBytes ?? 64 * 1024 * 1024;
  return new Promise<FfmpegResult>((resolve, reject) => {
    // -nostdin keeps ffmpeg from reading keys, unless stdin is where the input comes from.
    const quiet = ["-hide_banner", "-nostats", ...(options.stdin ? [] : ["-nostdin"])];
    const child = spawn(path, [...quiet, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let settled = false;
    const finish = (error: Error | undefined, result?: FfmpegResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.stdin?.destroy();
      if (child.exitCode === null) child.kill("SIGKILL");
      if (error) reject(error);
      else if (result) resolve(result);
    };
    const timer = setTimeout(
      () => finish(new FfmpegError(`ffmpeg took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );

    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      if (options.onStdout) return options.onStdout(chunk);
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout)
        return finish(new FfmpegError(`ffmpeg wrote more than ${maxStdout} bytes`));
      stdout.push(chunk);
    });

    let head = "";
    let tail = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      if (head.length < STDERR_HEAD_BYTES) head += text.slice(0, STDERR_HEAD_BYTES - head.length);
      tail = (tail + text).slice(-STDERR_TAIL_BYTES);
    });

    // ffmpeg closes stdin as soon as it has what it needs (one frame): that EPIPE is normal.
    child.stdin.on("error", () => undefined);
    if (options.stdin) {
      options.stdin.on("error", (error) => finish(error));
      options.stdin.pipe(child.stdin);
    } else {
      child.stdin.end();
    }

    child.on("error", (error: NodeJS.ErrnoException) =>
      finish(
        error.code === "ENOENT" ? new FfmpegUnavailableError(`ffmpeg not found at ${path}`) : error,
      ),
    );
    child.on("close", (code, signal) => {
      if (code === 0) return finish(undefined, { stdout: Buffer.concat(stdout), stderr: head });
      const reason = lastLine(tail) ?? `signal ${signal ?? "unknown"}`;
      finish(new FfmpegError(`ffmpeg exited with code ${code ?? "none"}: ${reason}`));
    });
  });
}

function lastLine(text: string): string | undefined {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
}
