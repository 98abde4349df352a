import { isPlainObject } from "../http/read-body.js";
import { fieldProblem, missingField, type ValidationProblem } from "./sense-errors.js";
import type { Behavior, Mode } from "./task.js";

/** The fields of a chat request the agent uses, from `/v1/chat/completions` or the legacy `/chat`. */
export interface ChatFields {
  /** The last user message. */
  text: string;
  /** `image_urls` plus any `image_url` content parts, in order. */
  images: string[];
  stream: boolean;
  sessionId: string | null;
  mode: Mode;
  behavior: Behavior;
  workflowId: string | null;
  versionId: string | null;
  webSearch: boolean;
  safety: boolean;
  model: string;
  /** Characters of every message, for `usage.prompt_tokens`. */
  promptChars: number;
}

export interface WorkflowFields {
  message: string;
  stream: boolean;
  sessionId: string | null;
  workflowId: string | null;
  versionId: string | null;
  mode: Mode;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValidationProblem };

const ROLES = new Set(["user", "assistant", "system"]);

/**
 * `POST /v1/chat/completions`: OpenAI's body plus the eachlabs fields.
 * `max_tokens` and `temperature` are accepted and ignored.
 */
export function parseCompletionBody(body: unknown): Parsed<ChatFields> {
  if (!isPlainObject(body)) return fail(bodyNotObject());
  if (body.messages === undefined || body.messages === null)
    return fail(missingField("body", "messages"));
  if (!Array.isArray(body.messages))
    return fail(
      fieldProblem(
        ["body", "messages"],
        "messages must be an array",
        "value is not a valid list",
        "type_error.list",
      ),
    );
  if (body.messages.length === 0)
    return fail(
      fieldProblem(
        ["body", "messages"],
        "messages must contain at least one message",
        "ensure this value has at least 1 items",
        "value_error.list.min_items",
        { limit_value: 1 },
      ),
    );
  let text: string | null = null;
  let images: string[] = [];
  let promptChars = 0;
  for (const [index, message] of body.messages.entries()) {
    if (!isPlainObject(message))
      return fail(
        fieldProblem(
          ["body", "messages", index],
          `messages[${index}] must be an object`,
          "value is not a valid dict",
          "type_error.dict",
        ),
      );
    if (typeof message.role !== "string" || !ROLES.has(message.role)) {
      const sentence = `messages[${index}].role must be 'user', 'assistant', or 'system'`;
      return fail({ message: sentence, detail: sentence });
    }
    const content = readContent(message.content);
    if (content === null) {
      return fail(
        message.content === undefined
          ? {
              message: `messages[${index}].content field is required`,
              detail: [
                {
                  loc: ["body", "messages", index, "content"],
                  msg: "field required",
                  type: "value_error.missing",
                },
              ],
            }
          : fieldProblem(
              ["body", "messages", index, "content"],
              `messages[${index}].content must be a string or a list of content parts`,
              "str type expected",
              "type_error.str",
            ),
      );
    }
    promptChars += content.text.length;
    if (message.role === "user") {
      text = content.text;
      images = content.images;
    }
  }
  if (text === null) {
    const sentence = "messages must include at least one message with role 'user'";
    return fail({ message: sentence, detail: sentence });
  }
  const common = parseCommon(body);
  if (!common.ok) return common;
  const imageUrls = stringList(body.image_urls, "image_urls");
  if (!imageUrls.ok) return imageUrls;
  return {
    ok: true,
    value: { ...common.value, text, images: [...imageUrls.value, ...images], promptChars },
  };
}

/** The legacy `POST /chat`: `{message, session_id, stream, ...}`. */
export function parseLegacyBody(body: unknown): Parsed<ChatFields> {
  if (!isPlainObject(body)) return fail(bodyNotObject());
  if (body.message === undefined || body.message === null)
    return fail(missingField("body", "message"));
  if (typeof body.message !== "string")
    return fail(
      fieldProblem(
        ["body", "message"],
        "message must be a string",
        "str type expected",
        "type_error.str",
      ),
    );
  const common = parseCommon(body);
  if (!common.ok) return common;
  const imageUrls = stringList(body.image_urls, "image_urls");
  if (!imageUrls.ok) return imageUrls;
  return {
    ok: true,
    value: {
      ...common.value,
      text: body.message,
      images: imageUrls.value,
      promptChars: body.message.length,
    },
  };
}

/** `POST /workflow`: `{message, stream, session_id, workflow_id?, version_id?}`. */
export function parseWorkflowBody(body: unknown): Parsed<WorkflowFields> {
  if (!isPlainObject(body)) return fail(bodyNotObject());
  if (body.message === undefined || body.message === null)
    return fail(missingField("body", "message"));
  if (typeof body.message !== "string" || body.message.trim() === "")
    return fail(
      fieldProblem(
        ["body", "message"],
        "message must be a non-empty string",
        "str type expected",
        "type_error.str",
      ),
    );
  const common = parseCommon(body);
  if (!common.ok) return common;
  const { stream, sessionId, workflowId, versionId, mode } = common.value;
  return {
    ok: true,
    value: { message: body.message, stream, sessionId, workflowId, versionId, mode },
  };
}

type Common = Omit<ChatFields, "text" | "images" | "promptChars">;

function parseCommon(body: Record<string, unknown>): Parsed<Common> {
  const stream = flag(body.stream, "stream", true);
  if (!stream.ok) return stream;
  const webSearch = flag(body.web_search, "web_search", true);
  if (!webSearch.ok) return webSearch;
  const safety = flag(body.enable_safety_checker, "enable_safety_checker", true);
  if (!safety.ok) return safety;
  const mode = choice(body.mode, "mode", ["max", "eco"] as const, "max");
  if (!mode.ok) return mode;
  const behavior = choice(body.behavior, "behavior", ["agent", "plan", "ask"] as const, "agent");
  if (!behavior.ok) return behavior;
  const strings: Record<string, string | null> = {};
  for (const field of ["session_id", "workflow_id", "version_id", "model"]) {
    const value = body[field];
    if (value === undefined || value === null || value === "") {
      strings[field] = null;
      continue;
    }
    if (typeof value !== "string")
      return fail(
        fieldProblem(
          ["body", field],
          `${field} must be a string`,
          "str type expected",
          "type_error.str",
        ),
      );
    strings[field] = value;
  }
  return {
    ok: true,
    value: {
      stream: stream.value,
      webSearch: webSearch.value,
      safety: safety.value,
      mode: mode.value,
      behavior: behavior.value,
      sessionId: strings.session_id ?? null,
      workflowId: strings.workflow_id ?? null,
      versionId: strings.version_id ?? null,
      model: strings.model ?? "eachsense/beta",
    },
  };
}

/** Text and images of a message: a string, or OpenAI content parts (`text`, `image_url`). */
function readContent(content: unknown): { text: string; images: string[] } | null {
  if (typeof content === "string") return { text: content, images: [] };
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content) {
    if (typeof part === "string") texts.push(part);
    else if (isPlainObject(part) && part.type === "text" && typeof part.text === "string")
      texts.push(part.text);
    else if (isPlainObject(part) && part.type === "image_url") {
      const url = isPlainObject(part.image_url) ? part.image_url.url : part.image_url;
      if (typeof url === "string" && url !== "") images.push(url);
    }
  }
  return { text: texts.join("\n"), images };
}

// Pydantic v1 reads booleans leniently, as the service does.
const TRUE = new Set([true, 1, "true", "1", "yes", "on"]);
const FALSE = new Set([false, 0, "false", "0", "no", "off"]);

function flag(value: unknown, field: string, fallback: boolean): Parsed<boolean> {
  if (value === undefined || value === null) return { ok: true, value: fallback };
  const normalized = typeof value === "string" ? value.toLowerCase() : value;
  if (TRUE.has(normalized as never)) return { ok: true, value: true };
  if (FALSE.has(normalized as never)) return { ok: true, value: false };
  return fail(
    fieldProblem(
      ["body", field],
      `${field} must be a boolean`,
      "value could not be parsed to a boolean",
      "type_error.bool",
    ),
  );
}

function choice<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  fallback: T,
): Parsed<T> {
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value === "string" && allowed.includes(value as T))
    return { ok: true, value: value as T };
  return fail(
    fieldProblem(
      ["body", field],
      `${field} must be one of: ${allowed.join(", ")}`,
      `value is not a valid enumeration member; permitted: ${allowed.map((item) => `'${item}'`).join(", ")}`,
      "type_error.enum",
      { enum_values: [...allowed] },
    ),
  );
}

function stringList(value: unknown, field: string): Parsed<string[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value))
    return fail(
      fieldProblem(
        ["body", field],
        `${field} must be a list of URLs`,
        "value is not a valid list",
        "type_error.list",
      ),
    );
  const index = value.findIndex((item) => typeof item !== "string");
  if (index >= 0)
    return fail(
      fieldProblem(
        ["body", field, index],
        `${field}[${index}] must be a string`,
        "str type expected",
        "type_error.str",
      ),
    );
  return { ok: true, value: (value as string[]).filter((item) => item.trim() !== "") };
}

function bodyNotObject(): ValidationProblem {
  return fieldProblem(
    ["body"],
    "the body must be a JSON object",
    "value is not a valid dict",
    "type_error.dict",
  );
}

function fail(problem: ValidationProblem): { ok: false; problem: ValidationProblem } {
  return { ok: false, problem };
}
