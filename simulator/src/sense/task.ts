/** What the rule-based agent decided a message asks for. */

export type Mode = "max" | "eco";
export type Behavior = "agent" | "plan" | "ask";

/** Media the agent generates from text. */
export type GenKind = "image" | "video" | "speech" | "music" | "sfx";

export type EditOp = "edit" | "remove-background" | "upscale" | "animate" | "face-swap";

export interface GenerateTask {
  type: "generate";
  kind: GenKind;
  /** The model prompt (or, for speech, a description; the words are in `speech`). */
  prompt: string;
  aspect: string | null;
  duration: number | null;
  count: number | null;
  /** Words to speak (speech only). */
  speech: string | null;
  voice: string | null;
  vocals: boolean;
  /** Text or a logo in the picture: a typography-capable model. */
  lettering: boolean;
  nsfw: boolean;
  /** Reuse this model and seed (follow-ups such as "make it wider"). */
  slug: string | null;
  seed: number | null;
}

export interface EditTask {
  type: "edit";
  op: EditOp;
  image: string;
  /** Second image: the face for a face swap. */
  face: string | null;
  prompt: string;
  scale: number;
  duration: number | null;
  nsfw: boolean;
  slug: string | null;
  seed: number | null;
}

export type ActionTask = GenerateTask | EditTask;

export type ClarifyPurpose =
  | "what"
  | "format"
  | "style"
  | "duration"
  | "voice"
  | "vocals"
  | "scale"
  | "confirm"
  | "edit-type"
  | "previous"
  | "workflow-inputs"
  | "workflow-steps";

export interface Clarification {
  purpose: ClarifyPurpose;
  question: string;
  options: string[];
  context: string;
  /** The request being clarified (re-read with the answer). */
  base: string;
  images: string[];
  /** "confirm": the task waiting for a go-ahead. */
  task?: ActionTask;
  /** "what": the media kind already known, if any. */
  kind?: GenKind | null;
  /** "workflow-inputs": the workflow waiting for inputs. */
  workflow?: { workflowId: string; versionId: string | null };
  inputSchema?: Record<string, unknown>;
}

export type Task =
  | ActionTask
  | { type: "analyze"; image: string }
  | { type: "chat"; question: boolean }
  | { type: "clarify"; clarification: Clarification }
  | { type: "workflow-build"; message: string }
  | { type: "workflow-update"; workflowId: string; versionId: string | null; message: string }
  | { type: "workflow-run"; workflowId: string; versionId: string | null };

/** Waiting in a session for the next message. */
export type Pending =
  { kind: "clarification"; clarification: Clarification } | { kind: "plan"; task: ActionTask };

/** The last thing the session generated, for "make it wider", "now remove the background"... */
export interface LastResult {
  task: ActionTask;
  slug: string;
  seed: number;
  /** The input the model ran with. */
  input: Record<string, unknown>;
  outputs: string[];
  mediaKind: "image" | "video" | "audio" | "text";
}
