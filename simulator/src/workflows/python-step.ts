import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StepFailure } from "./step-failure.js";

export interface PythonResult {
  result: unknown;
  printed: string;
  metadata: Record<string, unknown>;
}

export const PYTHON_DEFAULT_TIMEOUT_S = 10;
export const PYTHON_MAX_TIMEOUT_S = 840;
export const PYTHON_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_RESULT_BYTES = 1024 * 1024;
const MAX_PRINTED_CHARS = 64 * 1024;
const MAX_STDERR_CHARS = 4 * 1024;

/**
 * Runs before the step's code, in the child process: limits, then the network
 * switched off, then the code with `inputs` in scope; the value of `result`
 * (and what the code printed) goes back as JSON on file descriptor 3, so
 * nothing the code writes to stdout can be mistaken for the result.
 */
const PREAMBLE = String.raw`
import sys, os, json, io, contextlib, resource
_cfg = json.loads(sys.stdin.buffer.read().decode("utf-8"))
_out = os.fdopen(3, "w", encoding="utf-8")
def _limit(name, value):
    try:
        resource.setrlimit(getattr(resource, name), (value, value))
    except (ValueError, OSError, AttributeError):
        pass
_limit("RLIMIT_AS", _cfg["memory_bytes"])
_limit("RLIMIT_CPU", _cfg["cpu_seconds"])
_limit("RLIMIT_FSIZE", _cfg["file_bytes"])
_limit("RLIMIT_NPROC", 0)
_limit("RLIMIT_CORE", 0)
import socket, _socket
def _no_network(*args, **kwargs):
    raise PermissionError("network access is disabled in the simulator's python sandbox")
class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _no_network()
class _NoRawSocket(_socket.socket):
    def __init__(self, *args, **kwargs):
        _no_network()
socket.socket = socket.SocketType = _NoSocket
_socket.socket = _socket.SocketType = _NoRawSocket
for _module in (socket, _socket):
    for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                  "gethostbyname_ex", "gethostbyaddr", "socketpair", "fromfd"):
        if hasattr(_module, _name):
            setattr(_module, _name, _no_network)
def _no_processes(*args, **kwargs):
    raise PermissionError("starting processes is disabled in the simulator's python sandbox")
import _posixsubprocess
_posixsubprocess.fork_exec = _no_processes
for _name in ("fork", "forkpty", "vfork", "posix_spawn", "posix_spawnp", "system", "popen",
              "execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp", "execvpe",
              "spawnv", "spawnve", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnvp", "spawnvpe"):
    if hasattr(os, _name):
        setattr(os, _name, _no_processes)
del _module, _name
def _emit(payload):
    try:
        text = json.dumps(payload, default=repr)
    except Exception as error:
        text = json.dumps({"ok": False, "kind": "error", "error": "result is not JSON-serializable: %s" % error})
    _out.write(text)
    _out.flush()
_printed = io.StringIO()
try:
    _code = compile(_cfg["code"], "<workflow step>", "exec")
except SyntaxError as error:
    _emit({"ok": False, "kind": "syntax", "error": "SyntaxError: %s (line %s)" % (error.msg, error.lineno)})
    sys.exit(0)
_scope = {"__name__": "__main__", "inputs": _cfg["inputs"], "files": {}}
try:
    with contextlib.redirect_stdout(_printed):
        exec(_code, _scope)
except MemoryError:
    _scope = None
    _emit({"ok": False, "kind": "memory", "error": "MemoryError: the step exceeded its memory limit", "printed": _printed.getvalue()})
except SystemExit as error:
    if error.code in (None, 0):
        _emit({"ok": True, "result": _scope.get("result"), "printed": _printed.getvalue()})
    else:
        _emit({"ok": False, "kind": "error", "error": "SystemExit: %s" % error.code, "printed": _printed.getvalue()})
except BaseException as error:
    _emit({"ok": False, "kind": "error", "error": "%s: %s" % (type(error).__name__, error), "printed": _printed.getvalue()})
else:
    _emit({"ok": True, "result": _scope.get("result"), "printed": _printed.getvalue()})
`;

let interpreter: Promise<string> | null = null;

/**
 * The real python3 binary (`sys.executable`), found once with the normal
 * environment: a version-manager shim (pyenv) does not run in the empty
 * environment the sandbox uses.
 */
function pythonExecutable(): Promise<string> {
  interpreter ??= new Promise((resolve, reject) => {
    execFile(
      process.env.SIMULATOR_PYTHON ?? "python3",
      ["-c", "import sys; print(sys.executable)"],
      { timeout: 10_000 },
      (error, stdout) => {
        if (error !== null) {
          interpreter = null;
          reject(new Error(`python3 is not available: ${error.message}`));
          return;
        }
        resolve(stdout.trim());
      },
    );
  });
  return interpreter;
}

/**
 * A `python` step: the code runs in a `python3 -I` subprocess with `inputs` as
 * a dict, and the step's output is the value of its `result` variable. Limits:
 * wall time (`timeoutSeconds`, default 10 s, killed with SIGKILL), address space
 * 256 MB (RLIMIT_AS → MemoryError), CPU time, 16 MB per written file, no child
 * processes, no network (socket functions replaced), an empty environment and
 * a scratch working folder deleted afterwards. A convenience sandbox, not a
 * security boundary: code that imports C extensions or pokes at the
 * interpreter can get around it.
 */
export async function runPython(
  code: string,
  inputs: Record<string, unknown>,
  timeoutSeconds: number | null,
  signal: AbortSignal,
): Promise<PythonResult> {
  let executable: string;
  try {
    executable = await pythonExecutable();
  } catch (error) {
    throw new StepFailure("server_error", error instanceof Error ? error.message : String(error));
  }
  const limitS = Math.min(timeoutSeconds ?? PYTHON_DEFAULT_TIMEOUT_S, PYTHON_MAX_TIMEOUT_S);
  const workdir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "eachlabs-sim-python-"));
  const started = Date.now();
  try {
    const run = await spawnSandbox(executable, workdir, limitS, signal, {
      code,
      inputs,
      memory_bytes: PYTHON_MEMORY_BYTES,
      cpu_seconds: Math.ceil(limitS) + 1,
      file_bytes: MAX_FILE_BYTES,
    });
    const metadata: Record<string, unknown> = {
      runtime: "python3",
      elapsed_seconds: Math.round(Date.now() - started) / 1000,
      timeout_seconds: limitS,
      memory_limit_mb: PYTHON_MEMORY_BYTES / 1024 / 1024,
    };
    if (run.kind !== "exited") {
      if (run.kind === "aborted")
        throw new StepFailure("cancelled", "execution cancelled", metadata);
      if (run.kind === "timeout")
        throw new StepFailure(
          "timeout",
          `python step timed out after ${limitS}s (process killed)`,
          metadata,
        );
      throw new StepFailure("python_error", "python result is larger than 1 MiB", metadata);
    }
    const payload = parsePayload(run.result);
    if (payload === null) {
      const reason =
        run.signal === "SIGXCPU"
          ? "CPU time limit exceeded"
          : run.signal !== null
            ? `killed by ${run.signal}`
            : `exited with code ${run.code ?? "?"}`;
      const stderr = run.stderr.trim().split("\n").slice(-3).join(" | ");
      throw new StepFailure(
        /MemoryError|Cannot allocate/i.test(run.stderr) ? "memory_limit" : "python_error",
        `python process ${reason}${stderr === "" ? "" : `: ${stderr}`}`,
        metadata,
      );
    }
    const printed =
      typeof payload.printed === "string" ? payload.printed.slice(0, MAX_PRINTED_CHARS) : "";
    if (payload.ok !== true) {
      throw new StepFailure(
        payload.kind === "memory" ? "memory_limit" : "python_error",
        typeof payload.error === "string" ? payload.error : "python code failed",
        { ...metadata, printed },
      );
    }
    return { result: payload.result ?? null, printed, metadata: { ...metadata, printed } };
  } finally {
    await fs.promises.rm(workdir, { recursive: true, force: true }).catch(() => undefined);
  }
}

type SandboxRun =
  | { kind: "exited"; code: number | null; signal: string | null; result: string; stderr: string }
  | { kind: "timeout" | "aborted" | "too-large" };

function spawnSandbox(
  executable: string,
  workdir: string,
  limitS: number,
  signal: AbortSignal,
  config: Record<string, unknown>,
): Promise<SandboxRun> {
  return new Promise((resolve) => {
    const child = spawn(executable, ["-I", "-B", "-c", PREAMBLE], {
      cwd: workdir,
      // Nothing of the simulator's environment (keys, tokens) reaches the code.
      env: {} as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe", "pipe"],
    });
    let ended: "timeout" | "aborted" | "too-large" | null = null;
    const kill = (why: "timeout" | "aborted" | "too-large") => {
      ended ??= why;
      child.kill("SIGKILL");
    };
    // A real-time timer (python runs in real time) that does not keep the process alive.
    const timer = setTimeout(() => kill("timeout"), limitS * 1000);
    timer.unref();
    const onAbort = () => kill("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    const resultChunks: Buffer[] = [];
    let resultBytes = 0;
    let stderr = "";
    const resultPipe = child.stdio[3] as NodeJS.ReadableStream | null;
    resultPipe?.on("data", (chunk: Buffer) => {
      resultBytes += chunk.length;
      if (resultBytes > MAX_RESULT_BYTES) kill("too-large");
      else resultChunks.push(chunk);
    });
    child.stdout?.on("data", () => undefined);
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      stderr += error.message;
    });
    child.on("close", (code, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      if (ended !== null) {
        resolve({ kind: ended });
        return;
      }
      resolve({
        kind: "exited",
        code,
        signal: exitSignal,
        result: Buffer.concat(resultChunks).toString("utf8"),
        stderr,
      });
    });
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(JSON.stringify(config));
    if (signal.aborted) kill("aborted");
  });
}

function parsePayload(text: string): Record<string, unknown> | null {
  if (text.trim() === "") return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
