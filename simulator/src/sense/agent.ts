import type { SimulatorContext } from "../context.js";
import { costOf } from "../predictions/pricing.js";
import { AgentError } from "./agent-error.js";
import type { EventSink } from "./event-sink.js";
import type { SenseEvent } from "./events.js";
import {
  cleanPrompt,
  collapse,
  contentWords,
  detectAspect,
  detectCount,
  detectDuration,
  detectEditOp,
  detectKind,
  detectVoice,
  followUpAddition,
  isApproval,
  isBareDecline,
  isCancel,
  isGenerative,
  isGreeting,
  isQuestion,
  isRegenerateFollowUp,
  mentionsNsfw,
  optionHead,
  pickOption,
  refersToPrevious,
  sizeChange,
  speechText,
  stripSenseMarkers,
  upscaleFactor,
  wantsLettering,
  wantsVocals,
  widen,
} from "./intent.js";
import { pickCall, type ModelCall } from "./model-picker.js";
import { runModel, type ModelRun } from "./run-model.js";
import type { SenseSession } from "./session-store.js";
import type {
  ActionTask,
  Behavior,
  Clarification,
  EditTask,
  GenerateTask,
  GenKind,
  Mode,
  Task,
} from "./task.js";
import { needsWebSearch, recencyOf, searchQuery, searchResults } from "./web-search.js";
import { buildWorkflow, describeSteps, updateWorkflow } from "./workflow-builder.js";
import { runWorkflow } from "./workflow-runner.js";
import type { WorkflowBody, WorkflowDefinitionStore } from "./workflow-store.js";

/** One user message and the request fields around it. */
export interface ChatTurn {
  key: string;
  sessionId: string;
  /** The last user message (markers included; the agent strips them). */
  text: string;
  images: string[];
  mode: Mode;
  behavior: Behavior;
  workflowId: string | null;
  versionId: string | null;
  webSearch: boolean;
  safety: boolean;
  taskId: string;
  startedAt: number;
}

export interface PlanSummary {
  steps: string[];
  model: string;
  estimated_time_seconds: number;
  estimated_cost_usd: number;
}

export interface TurnOutcome {
  status: "ok" | "clarification_needed" | "awaiting_approval";
  text: string;
  generations: string[];
  model: string | null;
  workflowId: string | null;
  versionId: string | null;
  executionId: string | null;
  definition: Record<string, unknown> | null;
  clarification: { question: string; options: string[]; context: string } | null;
  plan: PlanSummary | null;
  toolCalls: { name: string; success: boolean }[];
}

interface Decision {
  task: Task;
  /** The message answered a question: ask mode does not ask again. */
  answered: boolean;
  /** A plan was approved: run it even in plan mode. */
  approved: boolean;
  /** Said instead of acting (plan cancelled, "what should I change?"). */
  reply?: { text: string; keepPlan: boolean };
}

/**
 * The rule-based each::sense agent for one turn: reads the message (and the
 * session's pending question, plan or last result), decides, runs models
 * through the prediction engine, and emits events in the documented order.
 */
export class Agent {
  private readonly texts: string[] = [];
  private readonly toolCalls: { name: string; success: boolean }[] = [];
  private note: string | null = null;

  constructor(
    private readonly ctx: SimulatorContext,
    private readonly turn: ChatTurn,
    private readonly session: SenseSession,
    private readonly sink: EventSink,
    private readonly workflows: WorkflowDefinitionStore,
  ) {}

  async run(): Promise<TurnOutcome> {
    const decision = this.decide();
    const outcome = decision.reply
      ? await this.say(decision.reply.text, decision.reply.keepPlan)
      : await this.act(decision);
    await this.complete(outcome);
    return outcome;
  }

  /** `POST /workflow`: build a workflow, or update one when ids are given. */
  async runWorkflowBuilder(): Promise<TurnOutcome> {
    const task: Task =
      this.turn.workflowId === null
        ? { type: "workflow-build", message: this.turn.text }
        : {
            type: "workflow-update",
            workflowId: this.turn.workflowId,
            versionId: this.turn.versionId,
            message: this.turn.text,
          };
    const outcome = await this.act({ task, answered: false, approved: false });
    await this.complete(outcome);
    return outcome;
  }

  // ---------- deciding ----------

  private decide(): Decision {
    const pending = this.session.pending;
    this.session.pending = null;
    const text = this.turn.text;
    const images = this.turn.images;
    if (pending?.kind === "plan") {
      if (isApproval(text)) {
        this.note = "approved";
        return { task: pending.task, answered: true, approved: true };
      }
      if (isCancel(text))
        return {
          task: { type: "chat", question: false },
          answered: true,
          approved: false,
          reply: {
            text: "Okay, I've cancelled that plan. What would you like to do instead?",
            keepPlan: false,
          },
        };
      if (isBareDecline(text)) {
        this.session.pending = pending;
        return {
          task: pending.task,
          answered: true,
          approved: false,
          reply: {
            text: 'Sure. What would you like to change? For example "make it 16:9", "use eco mode" or "add a red car".',
            keepPlan: true,
          },
        };
      }
      return { task: this.followUp(pending.task, null, text), answered: true, approved: false };
    }
    if (pending?.kind === "clarification") {
      const clarification = pending.clarification;
      const index = pickOption(text, clarification.options);
      if (clarification.purpose === "confirm" && clarification.task !== undefined) {
        if (index === 0 || isApproval(text))
          return { task: clarification.task, answered: true, approved: false };
        if (index === 1 || isBareDecline(text)) {
          this.session.pending = pending;
          return {
            task: clarification.task,
            answered: true,
            approved: false,
            reply: { text: "Sure. What details should I add?", keepPlan: false },
          };
        }
        return {
          task: this.followUp(clarification.task, null, text),
          answered: true,
          approved: false,
        };
      }
      if (clarification.purpose === "workflow-inputs" && clarification.workflow !== undefined) {
        return {
          task: { type: "workflow-run", ...clarification.workflow },
          answered: true,
          approved: false,
        };
      }
      const composed = compose(clarification, index, text);
      return {
        task: this.interpret(composed, [...clarification.images, ...images]),
        answered: true,
        approved: false,
      };
    }
    return { task: this.interpret(text, images), answered: false, approved: false };
  }

  /** What a fresh message asks for. */
  private interpret(text: string, images: string[]): Task {
    const clean = stripSenseMarkers(text);
    if (this.turn.workflowId !== null) {
      const changing =
        /\b(add|append|insert|remove|delete|drop|change|update|modify|replace|switch|use)\b/i.test(
          clean,
        ) &&
        /\b(step|model|workflow|pipeline|upscal\w*|background|animat\w*|voice ?over|music|mode|cheaper|seconds?|\d+:\d+)\b/i.test(
          clean,
        );
      return changing
        ? {
            type: "workflow-update",
            workflowId: this.turn.workflowId,
            versionId: this.turn.versionId,
            message: clean,
          }
        : {
            type: "workflow-run",
            workflowId: this.turn.workflowId,
            versionId: this.turn.versionId,
          };
    }
    if (
      /\b(workflow|pipeline)\b/i.test(clean) &&
      /\b(create|build|make|set up|design|new)\b/i.test(clean)
    )
      return { type: "workflow-build", message: clean };

    const prev = this.session.last;
    const op = detectEditOp(clean);
    if (images.length > 0) {
      const image = images[0] ?? "";
      if (
        /\b(describe|what(?:'s| is) in|analy[sz]e|caption|what do you see|identify)\b/i.test(clean)
      )
        return { type: "analyze", image };
      if (op === "face-swap" && images.length >= 2)
        return this.editTask("face-swap", image, clean, images[1] ?? null);
      if (op !== null && op !== "edit" && op !== "face-swap")
        return this.editTask(op, image, clean, null);
      const instruction = instructionOf(clean);
      if (
        op === "edit" &&
        contentWords(instruction).filter((word) => !EDIT_FILLER.has(word)).length > 0
      )
        return this.editTask("edit", image, clean, null);
      return { type: "clarify", clarification: editTypeQuestion(text, images) };
    }

    if (prev !== null) {
      const lastImage = prev.mediaKind === "image" ? (prev.outputs[0] ?? null) : null;
      if (
        lastImage !== null &&
        (op === "remove-background" || op === "upscale" || op === "animate") &&
        !startsNew(clean)
      )
        return this.editTask(op, lastImage, clean, null);
      if (refersToPrevious(clean)) {
        if (lastImage !== null && !isRegenerateFollowUp(clean) && op === "edit")
          return this.editTask("edit", lastImage, clean, null);
        return this.followUp(prev.task, prev, clean);
      }
    } else if (refersToPrevious(clean) && !startsNew(clean)) {
      return { type: "clarify", clarification: noPreviousQuestion(text) };
    }
    if ((op === "remove-background" || op === "upscale") && !startsNew(clean))
      return { type: "clarify", clarification: needImageQuestion(text, op) };

    if (isQuestion(clean)) return { type: "chat", question: true };
    // The agent assumes: a plain description ("a cat wearing a hat") is something to make.
    const described = !isGreeting(clean) && contentWords(cleanPrompt(clean)).length >= 2;
    if (!isGenerative(clean) && !described) return { type: "chat", question: false };
    return this.generateTask(text);
  }

  private generateTask(text: string): Task {
    const clean = stripSenseMarkers(text);
    const { kind, explicit } = detectKind(clean);
    const prompt = cleanPrompt(clean);
    const speech = kind === "speech" ? speechText(clean) : null;
    const vague =
      kind === "speech"
        ? speech === null || contentWords(speech).length === 0
        : contentWords(prompt).length === 0;
    if (vague)
      return { type: "clarify", clarification: whatQuestion(text, explicit ? kind : null) };
    const task: GenerateTask = {
      type: "generate",
      kind,
      prompt: kind === "speech" ? (speech ?? prompt) : prompt,
      aspect: detectAspect(clean),
      duration: detectDuration(clean),
      count: detectCount(clean),
      speech,
      voice: detectVoice(clean),
      vocals: wantsVocals(clean),
      lettering: wantsLettering(clean),
      nsfw: mentionsNsfw(clean),
      slug: null,
      seed: null,
    };
    // Remembered so ask mode asks about the format when the agent only assumed an image.
    if (!explicit) this.note = "assumed-image";
    return task;
  }

  private editTask(op: EditTask["op"], image: string, text: string, face: string | null): EditTask {
    return {
      type: "edit",
      op,
      image,
      face,
      prompt: op === "animate" ? motionPrompt(text) : instructionOf(text),
      scale: upscaleFactor(text),
      duration: detectDuration(text),
      nsfw: mentionsNsfw(text),
      slug: null,
      seed: null,
    };
  }

  /** "make it wider", "again but with a red car", "now make it a video": the last task, changed. */
  private followUp(
    task: ActionTask,
    prev: {
      slug: string;
      seed: number;
      input: Record<string, unknown>;
      outputs: string[];
      mediaKind: string;
    } | null,
    text: string,
  ): Task {
    const clean = stripSenseMarkers(text);
    const change = sizeChange(clean);
    const wanted = detectKind(clean);
    const rawAddition = followUpAddition(clean);
    const addition = collapse(
      rawAddition
        .replace(
          /\b(?:into\s+|as\s+|to\s+)?(?:an?\s+)?(?:videos?|clips?|images?|pictures?|photos?|animations?|version)\b/gi,
          "",
        )
        .replace(/\b(?:in\s+)?(?:eco|max)\s+mode\b/gi, ""),
    ).replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, "");
    const aspect = detectAspect(clean);
    const duration = detectDuration(clean);

    if (task.type === "generate") {
      if (wanted.explicit && wanted.kind !== task.kind) {
        const lastImage = prev?.mediaKind === "image" ? (prev.outputs[0] ?? null) : null;
        if (task.kind === "image" && wanted.kind === "video" && lastImage !== null) {
          this.note = "animated";
          return {
            ...this.editTask("animate", lastImage, clean, null),
            prompt: addition || task.prompt,
          };
        }
        return {
          ...task,
          kind: wanted.kind,
          prompt: addition === "" ? task.prompt : `${task.prompt}, ${addition}`,
          speech: wanted.kind === "speech" ? (task.speech ?? task.prompt) : null,
          aspect:
            aspect ?? (wanted.kind === "video" || wanted.kind === "image" ? task.aspect : null),
          duration,
          slug: null,
          seed: null,
        };
      }
      const next: GenerateTask = {
        ...task,
        slug: prev?.slug ?? task.slug,
        seed: prev?.seed ?? task.seed,
      };
      const currentAspect =
        task.aspect ??
        (typeof prev?.input.aspect_ratio === "string" ? prev.input.aspect_ratio : null) ??
        (task.kind === "video" ? "16:9" : "1:1");
      if (change === "wider" || change === "taller") {
        next.aspect = widen(currentAspect, change === "wider" ? 1 : -1);
        this.note =
          next.aspect === currentAspect ? `limit ${next.aspect}` : `${change} (${next.aspect})`;
      }
      const currentDuration =
        task.duration ?? (typeof prev?.input.duration === "number" ? prev.input.duration : 5);
      if (change === "longer")
        next.duration = currentDuration + (task.kind === "video" ? 5 : currentDuration);
      if (change === "shorter") next.duration = Math.max(1, Math.round(currentDuration / 2));
      if (aspect !== null) next.aspect = aspect;
      if (duration !== null) next.duration = duration;
      if (/\b(eco|cheaper|faster)\b/i.test(clean) || /\bmax mode|best quality\b/i.test(clean))
        next.slug = null;
      if (addition !== "") {
        next.prompt = `${task.prompt}, ${addition}`;
        next.seed = null;
        if (next.kind === "speech") next.speech = task.speech;
        next.lettering = task.lettering || wantsLettering(addition);
      } else if (change === null && aspect === null && duration === null) {
        next.seed = null; // "again", "another one": a new take
      }
      return next;
    }
    const next: EditTask = { ...task, slug: prev?.slug ?? task.slug, seed: null };
    if (addition !== "")
      next.prompt = task.prompt === "" ? capitalize(addition) : `${task.prompt}, ${addition}`;
    const currentDuration =
      task.duration ?? (typeof prev?.input.duration === "number" ? prev.input.duration : 5);
    if (change === "longer") next.duration = currentDuration + 5;
    if (change === "shorter") next.duration = Math.max(1, Math.round(currentDuration / 2));
    if (duration !== null) next.duration = duration;
    if (task.op === "upscale" && /\b(4 ?x|4k|four)\b/i.test(clean)) next.scale = 4;
    return next;
  }

  // ---------- acting ----------

  private async act(decision: Decision): Promise<TurnOutcome> {
    const { task } = decision;
    switch (task.type) {
      case "chat":
        return this.chat(task.question);
      case "clarify":
        return this.clarify(task.clarification);
      case "analyze":
        return this.analyze(task.image);
      case "workflow-build":
        return this.buildWorkflow(task.message, null, null);
      case "workflow-update":
        return this.buildWorkflow(task.message, task.workflowId, task.versionId);
      case "workflow-run":
        return this.runWorkflow(task.workflowId, task.versionId);
      default:
        if (this.turn.behavior === "ask" && !decision.answered)
          return this.clarify(
            askFirst(task, this.turn.text, this.turn.images, this.note === "assumed-image"),
          );
        if (this.turn.behavior === "plan" && !decision.approved) return this.plan(task);
        return this.execute(task);
    }
  }

  private async execute(task: ActionTask): Promise<TurnOutcome> {
    const call = pickCall(this.ctx.catalog, task, this.turn.mode, this.turn.safety);
    if (this.note === "approved")
      await this.emit({ type: "message", content: "Plan approved. Running it now." });
    await this.think(`The user wants ${describeTask(task, call)}. `, call.reason);
    if (this.turn.webSearch && needsWebSearch(this.turn.text)) await this.webSearch();
    if (task.type === "edit")
      await this.status("Analyzing image", "vision_preprocessor", { image_url: task.image });
    await this.status("Searching models", "search_models", { query: call.useCase });
    await this.status("Reading model details", "get_model_details", { model: call.model.slug });
    await this.status(`Generating ${call.label}`, "execute_model", {
      model: call.model.slug,
      input: call.input,
    });
    await this.emit({
      type: "tool_call",
      name: "execute_model",
      input: { model_name: call.model.slug, inputs: call.input },
    });
    if (call.kind === "video")
      await this.emit({
        type: "message",
        content: `Your video is being processed. This typically takes 1-2 minutes for a ${Number(call.input.duration ?? 5)}-second video.`,
      });
    const run = await runModel(this.ctx, this.turn.key, call, this.sink, { progress: true });
    await this.respond(answerText(task, call, this.note));
    await this.emit({
      type: "generation_response",
      url: run.outputs[0] ?? "",
      generations: run.outputs,
      total: run.outputs.length,
      tool_name: "execute_model",
      model: call.model.slug,
      execution_time_ms: run.executionTimeMs,
    });
    this.remember(task, call, run);
    return this.outcome({ generations: run.outputs, model: call.model.slug });
  }

  private async plan(task: ActionTask): Promise<TurnOutcome> {
    const call = pickCall(this.ctx.catalog, task, this.turn.mode, this.turn.safety);
    await this.think(
      `The user wants ${describeTask(task, call)}. `,
      "They asked to see a plan first, so I will estimate before running anything.",
    );
    await this.status("Searching models", "search_models", { query: call.useCase });
    await this.status("Reading model details", "get_model_details", { model: call.model.slug });
    const validation = this.ctx.catalog.validatorFor(call.model)(call.input);
    const cost = costOf(call.model, call.kind, validation.ok ? validation.value : call.input);
    const seconds = Math.max(
      1,
      Math.round((this.ctx.config.durationsMs[call.kind] * durationScale(call)) / 1000) + 2,
    );
    const steps = [
      ...(task.type === "edit" ? ["Analyze the input image"] : []),
      `Use ${call.model.slug} to create the ${call.label}: "${task.type === "generate" ? task.prompt : task.prompt || task.op}"`,
      `Settings: ${settingsOf(call.input) || "model defaults"}`,
      "Return the result",
    ];
    const planText = [
      "Plan:",
      ...steps.map((step, index) => `${index + 1}. ${step}`),
      "",
      `Estimated time: ~${seconds} seconds`,
      `Estimated cost: $${cost.toFixed(2)}`,
    ].join("\n");
    await this.emit({ type: "message", content: planText });
    await this.respond(
      `Here's my plan: I'll use ${call.model.slug} to create the ${call.label}. It should take about ${seconds} seconds and cost about $${cost.toFixed(2)}. Reply "yes" to run it, or tell me what to change.`,
    );
    const options = ["Yes, execute this plan", "No, I want to modify it"];
    await this.emit({
      type: "clarification_needed",
      question: "Here's my plan. Should I proceed?",
      options,
      context: planText,
      requires_response: true,
    });
    this.session.pending = { kind: "plan", task };
    return this.outcome({
      status: "awaiting_approval",
      model: call.model.slug,
      clarification: { question: "Here's my plan. Should I proceed?", options, context: planText },
      plan: {
        steps,
        model: call.model.slug,
        estimated_time_seconds: seconds,
        estimated_cost_usd: cost,
      },
    });
  }

  private async clarify(clarification: Clarification): Promise<TurnOutcome> {
    await this.think(thinkingForQuestion(clarification));
    await this.emit({
      type: "clarification_needed",
      question: clarification.question,
      options: clarification.options,
      context: clarification.context,
      requires_response: true,
      ...(clarification.inputSchema ? { input_schema: clarification.inputSchema } : {}),
    });
    this.toolCalls.push({ name: "ask_clarification", success: true });
    this.session.pending = { kind: "clarification", clarification };
    return this.outcome({
      status: "clarification_needed",
      text: [
        clarification.question,
        ...clarification.options.map((option, index) => `${index + 1}. ${option}`),
      ].join("\n"),
      clarification: {
        question: clarification.question,
        options: clarification.options,
        context: clarification.context,
      },
    });
  }

  private async say(text: string, keepPlan: boolean): Promise<TurnOutcome> {
    await this.respond(text);
    return this.outcome({ status: keepPlan ? "awaiting_approval" : "ok" });
  }

  private async chat(question: boolean): Promise<TurnOutcome> {
    const text = stripSenseMarkers(this.turn.text);
    if (question && needsWebSearch(text) && this.turn.webSearch) {
      await this.think(
        "The user is asking about something current. ",
        "I should search the web before answering.",
      );
      const citations = await this.webSearch();
      await this.status("Writing the answer", "generate_text", { sources: citations.length });
      const [first, second] = citations;
      await this.respond(
        `Here's what I found. ${first?.snippet ?? ""} ${second?.snippet ?? ""} Sources: ${citations
          .map((citation, index) => `[${index + 1}] ${citation.title}`)
          .join("; ")}. Want me to turn this into an image or a video?`,
      );
      return this.outcome({});
    }
    if (question) {
      await this.think(
        "The user asked a question. ",
        this.turn.webSearch
          ? "I can answer from what I know."
          : "Web search is off for this request.",
      );
      await this.status("Writing the answer", "generate_text", {});
      await this.respond(
        this.turn.webSearch
          ? "I'm a media agent: I can generate images, videos, speech, music and sound effects, edit images you send, and build workflows. Ask me to make something and I'll pick the right model."
          : "Web search is turned off for this request, so I can't look that up. I can still generate images, videos, speech, music and sound effects, or edit an image you send.",
      );
      return this.outcome({});
    }
    await this.think("A greeting or small talk, nothing to generate yet.");
    await this.respond(
      "Hi! I'm each::sense. I can generate images, videos, speech, music and sound effects, edit images you send me (remove backgrounds, upscale, animate, restyle) and build workflows. What would you like to create?",
    );
    return this.outcome({});
  }

  private async analyze(image: string): Promise<TurnOutcome> {
    await this.think(
      "The user wants to know what is in the image. ",
      "I'll run the vision preprocessor.",
    );
    await this.status("Analyzing image", "vision_preprocessor", { image_url: image });
    await this.emit({
      type: "tool_call",
      name: "vision_preprocessor",
      input: { image_url: image },
    });
    await this.respond(
      "The image shows a colourful scene with a clear main subject in the centre and a soft gradient background. I can remove the background, upscale it, restyle it or animate it into a short video.",
    );
    return this.outcome({});
  }

  private async buildWorkflow(
    message: string,
    workflowId: string | null,
    versionId: string | null,
  ): Promise<TurnOutcome> {
    const existing =
      workflowId === null ? undefined : this.workflows.find(this.turn.key, workflowId, versionId);
    if (workflowId !== null && existing === undefined)
      throw new AgentError(
        "WORKFLOW_NOT_FOUND",
        `Workflow not found: ${workflowId}${versionId ? ` (version ${versionId})` : ""}`,
      );
    await this.think(
      existing === undefined
        ? "The user wants a new workflow. "
        : "The user wants to change an existing workflow. ",
      "I'll map each step to a model and chain the outputs.",
    );
    if (existing !== undefined)
      await this.emit({
        type: "workflow_fetched",
        workflow_name: existing.version.body.name,
        workflow_id: existing.workflow.workflow_id,
        version_id: existing.version.version_id,
        existing_steps: existing.version.body.definition.steps.length,
        existing_definition: existing.version.body.definition as unknown as Record<string, unknown>,
      });
    const body =
      existing === undefined
        ? buildWorkflow(message, this.turn.mode, this.ctx.catalog)
        : updateWorkflow(existing.version.body, message, this.turn.mode, this.ctx.catalog);
    if (body === null)
      return this.clarify({
        purpose: "workflow-steps",
        question:
          existing === undefined
            ? "What should the workflow do?"
            : "What should I change in the workflow?",
        options:
          existing === undefined
            ? [
                "Generate an image, then upscale it",
                "Generate an image, then animate it into a video",
                "Remove the background, then upscale",
              ]
            : ["Add an upscale step", "Use cheaper (eco) models", "Remove the last step"],
        context:
          existing === undefined
            ? 'I couldn\'t find any steps in your description. Name the steps in order, e.g. "generate an image and then upscale it".'
            : `The workflow has ${existing.version.body.definition.steps.length} steps: ${describeSteps(existing.version.body)}.`,
        base: message,
        images: [],
      });
    const definition = body.definition as unknown as Record<string, unknown>;
    await this.status("Building workflow definition...", "build_workflow", {
      message: stripSenseMarkers(message),
    });
    await this.emit({
      type: "workflow_built",
      steps_count: body.definition.steps.length,
      definition,
    });
    if (existing === undefined) {
      await this.status("Creating workflow", "create_workflow", { workflow_name: body.name });
      const { workflow, version } = this.workflows.create(this.turn.key, body, message);
      await this.emit({
        type: "workflow_created",
        workflow_id: workflow.workflow_id,
        version_id: version.version_id,
        workflow_name: body.name,
        input_schema: body.definition.input_schema,
        steps_count: body.definition.steps.length,
      });
      await this.respond(
        `I built a ${body.definition.steps.length}-step workflow: ${describeSteps(body)}. Its id is ${workflow.workflow_id} (version ${version.version_id}); send it as workflow_id to run it.`,
      );
      return this.outcome({
        workflowId: workflow.workflow_id,
        versionId: version.version_id,
        definition,
      });
    }
    await this.status("Saving a new version", "create_workflow", {
      workflow_id: existing.workflow.workflow_id,
    });
    const saved = this.workflows.addVersion(
      this.turn.key,
      existing.workflow.workflow_id,
      body,
      message,
    );
    if (saved === undefined)
      throw new AgentError(
        "WORKFLOW_NOT_FOUND",
        `Workflow not found: ${existing.workflow.workflow_id}`,
      );
    await this.emit({
      type: "workflow_updated",
      success: true,
      workflow_id: saved.workflow.workflow_id,
      version_id: saved.version.version_id,
      definition,
      message: "Workflow updated successfully",
    });
    await this.respond(
      `I updated the workflow (now version ${saved.version.version_id}): ${describeSteps(body)}.`,
    );
    return this.outcome({
      workflowId: saved.workflow.workflow_id,
      versionId: saved.version.version_id,
      definition,
    });
  }

  private async runWorkflow(workflowId: string, versionId: string | null): Promise<TurnOutcome> {
    const found = this.workflows.find(this.turn.key, workflowId, versionId);
    // Without an each::workflows product, an unknown id runs a stand-in two-step workflow.
    const body = found?.version.body ?? standInWorkflow(workflowId);
    const version = found?.version.version_id ?? versionId ?? "v1";
    await this.think(
      `The user wants to run workflow ${workflowId}. `,
      "I'll load it, fill its inputs from the message and trigger it.",
    );
    await this.status("Fetching workflow", "check_execution", {
      workflow_id: workflowId,
      version_id: version,
    });
    await this.emit({
      type: "workflow_fetched",
      workflow_name: body.name,
      workflow_id: workflowId,
      version_id: version,
      existing_steps: body.definition.steps.length,
      existing_definition: body.definition as unknown as Record<string, unknown>,
    });
    const inputs = workflowInputs(body, this.turn.text, this.turn.images);
    if (inputs.missing.length > 0)
      return this.clarify({
        purpose: "workflow-inputs",
        question: "Please provide the required inputs for your workflow:",
        options: [],
        context: `Your workflow '${body.name}' requires:\n${inputs.missing
          .map((name) => `- ${name}: ${describeInput(body, name)}`)
          .join("\n")}`,
        base: this.turn.text,
        images: this.turn.images,
        workflow: { workflowId, versionId: version },
        inputSchema: body.definition.input_schema.properties,
      });
    await this.status("Running workflow", "trigger_workflow", {
      workflow_id: workflowId,
      version_id: version,
      inputs: inputs.values,
    });
    const run = await runWorkflow(
      this.ctx,
      this.turn.key,
      body,
      { workflowId, versionId: version },
      inputs.values,
      this.sink,
    );
    await this.respond(
      `Your workflow finished: ${Object.keys(run.allOutputs).length} step${Object.keys(run.allOutputs).length === 1 ? "" : "s"} ran and produced ${run.final.length} output${run.final.length === 1 ? "" : "s"}.`,
    );
    if (run.final.length > 0)
      await this.emit({
        type: "generation_response",
        url: run.final[0] ?? "",
        generations: run.final,
        total: run.final.length,
        tool_name: "trigger_workflow",
        model: run.finalModel ?? "",
        execution_time_ms: run.totalTimeMs,
      });
    return this.outcome({
      generations: run.final,
      model: run.finalModel,
      workflowId,
      versionId: version,
      executionId: run.executionId,
    });
  }

  // ---------- events ----------

  private async complete(outcome: TurnOutcome): Promise<void> {
    await this.emit({
      type: "complete",
      status: outcome.status,
      generations: outcome.generations,
      task_id: this.turn.taskId,
      session_id: this.turn.sessionId,
      ...(outcome.model === null ? {} : { model: outcome.model }),
      ...(outcome.workflowId === null ? {} : { workflow_id: outcome.workflowId }),
      ...(outcome.versionId === null ? {} : { version_id: outcome.versionId }),
      ...(outcome.executionId === null ? {} : { execution_id: outcome.executionId }),
      ...(outcome.plan === null ? {} : { plan: outcome.plan }),
      tool_calls: outcome.toolCalls,
      total_time_ms: Date.now() - this.turn.startedAt,
    });
  }

  private emit(event: SenseEvent): Promise<void> {
    return this.sink.emit(event);
  }

  /** Reasoning in small pieces, a few words each. */
  private async think(...sentences: string[]): Promise<void> {
    for (const piece of pieces(sentences.join(""), 4))
      await this.emit({ type: "thinking_delta", content: piece });
  }

  private async status(
    message: string,
    tool: string,
    parameters: Record<string, unknown>,
  ): Promise<void> {
    this.toolCalls.push({ name: tool, success: true });
    await this.emit({ type: "status", message, tool_name: tool, parameters });
  }

  /** The answer, streamed a few words at a time (each piece also in `delta.content`). */
  private async respond(text: string): Promise<void> {
    for (const piece of pieces(text, 3)) {
      this.texts.push(piece);
      await this.emit({ type: "text_response", content: piece });
    }
  }

  private async webSearch(): Promise<ReturnType<typeof searchResults>> {
    const query = searchQuery(this.turn.text);
    await this.status("Searching the web", "web_search", { query });
    await this.emit({ type: "web_search_query", query, recency: recencyOf(this.turn.text) });
    const citations = searchResults(query);
    await this.emit({ type: "web_search_citations", citations, count: citations.length });
    return citations;
  }

  private remember(task: ActionTask, call: ModelCall, run: ModelRun): void {
    this.session.last = {
      task,
      slug: call.model.slug,
      seed: run.record.seed,
      input: call.input,
      outputs: run.outputs,
      mediaKind: run.record.kind,
    };
  }

  private outcome(parts: Partial<TurnOutcome>): TurnOutcome {
    return {
      status: "ok",
      text: this.texts.join(""),
      generations: [],
      model: null,
      workflowId: null,
      versionId: null,
      executionId: null,
      definition: null,
      clarification: null,
      plan: null,
      toolCalls: this.toolCalls,
      ...parts,
    };
  }
}

// ---------- questions ----------

const WHAT_OPTIONS: Record<GenKind | "any", string[]> = {
  any: [
    "A surreal landscape image",
    "A 5-second cinematic video",
    "A lo-fi music loop",
    "A short voiceover",
  ],
  image: [
    "A cozy cabin in a snowy forest",
    "A neon-lit cyberpunk street at night",
    "A watercolor portrait of a fox",
  ],
  video: [
    "Waves crashing on a beach at sunset",
    "A drone shot over a misty forest",
    "A cat chasing a laser pointer",
  ],
  music: ["Lo-fi hip hop with soft piano", "Upbeat synthwave", "Calm acoustic guitar"],
  speech: [],
  sfx: ["Thunder rolling over hills", "Footsteps on gravel", "A busy café ambience"],
};

function whatQuestion(base: string, kind: GenKind | null): Clarification {
  const noun = kind === null ? null : NOUNS[kind];
  return {
    purpose: "what",
    question:
      kind === null
        ? "What would you like me to create?"
        : kind === "speech"
          ? "What should the voiceover say?"
          : `What should the ${noun} show?`,
    options: WHAT_OPTIONS[kind ?? "any"],
    context:
      kind === "speech"
        ? "Tell me the words to read, ideally in quotes."
        : "Your request doesn't say what to make yet, so I can't pick a model or write a prompt. Pick an idea or describe your own.",
    base,
    images: [],
    kind,
  };
}

function editTypeQuestion(base: string, images: string[]): Clarification {
  return {
    purpose: "edit-type",
    question: "What type of edit would you like?",
    options: [
      "Remove the background",
      "Upscale to higher resolution",
      "Animate it into a 5-second video",
      "Restyle it as a watercolor painting",
    ],
    context: "I can see you've uploaded an image. What would you like to do with it?",
    base,
    images,
  };
}

function noPreviousQuestion(base: string): Clarification {
  return {
    purpose: "previous",
    question: "There's nothing earlier in this session to change. What should I create?",
    options: ["A cinematic landscape image", "A 5-second video of ocean waves"],
    context: 'Follow-ups like "make it wider" apply to the last result of the same session_id.',
    base,
    images: [],
  };
}

function needImageQuestion(base: string, op: "remove-background" | "upscale"): Clarification {
  return {
    purpose: "previous",
    question:
      op === "upscale"
        ? "Which image should I upscale?"
        : "Which image should I remove the background from?",
    options: [],
    context: "Send the image in image_urls (up to 4), or generate one first in this session.",
    base,
    images: [],
  };
}

/** Ask mode: one question before anything runs, depending on what was asked. */
function askFirst(
  task: ActionTask,
  base: string,
  images: string[],
  assumedImage: boolean,
): Clarification {
  const common = { base, images };
  if (task.type === "generate") {
    if (assumedImage)
      return {
        ...common,
        purpose: "format",
        question: "Should this be an image or a short video?",
        options: ["Image (16:9)", "5-second video"],
        context: `${capitalize(task.prompt)} could be either.`,
      };
    switch (task.kind) {
      case "image":
        return {
          ...common,
          purpose: "style",
          question: "What style would you like for your image?",
          options: ["Photorealistic", "Cinematic", "Illustration", "Anime"],
          context: "I can generate it in several styles. Each produces very different results.",
        };
      case "video":
        return {
          ...common,
          purpose: "duration",
          question: "How long should the video be?",
          options: ["5 seconds - Quick clip", "10 seconds - Short video"],
          context: "Longer videos take more time and cost more to generate.",
        };
      case "speech":
        return {
          ...common,
          purpose: "voice",
          question: "Which voice should read it?",
          options: ["Rachel - calm female voice", "Adam - deep male voice"],
          context: "Both voices speak many languages; pick the tone that fits.",
        };
      case "music":
        return {
          ...common,
          purpose: "vocals",
          question: "Should the track be instrumental or have vocals?",
          options: ["Instrumental", "With vocals"],
          context: "Vocal tracks use a song model and take a little longer.",
        };
      case "sfx":
        return {
          ...common,
          purpose: "duration",
          question: "How long should the sound be?",
          options: ["5 seconds", "10 seconds"],
          context: "Sound effects can be up to about 45 seconds.",
        };
    }
  }
  if (task.op === "upscale")
    return {
      ...common,
      purpose: "scale",
      question: "How much should I upscale it?",
      options: ["2x - faster", "4x - maximum detail"],
      context: "4x takes longer and makes a much larger file.",
    };
  if (task.op === "animate")
    return {
      ...common,
      purpose: "duration",
      question: "How long should the video be?",
      options: ["5 seconds - Quick clip", "10 seconds - Short video"],
      context: "Longer videos take more time and cost more to generate.",
    };
  return {
    ...common,
    purpose: "confirm",
    question: `Before I start: I'll ${EDIT_VERBS[task.op]}. Should I go ahead?`,
    options: ["Yes, go ahead", "No, let me add details"],
    context: task.prompt === "" ? "I'll use the image you sent." : `Instruction: ${task.prompt}`,
    task,
  };
}

/** The request re-read after an answer: the original plus the chosen option (or the free answer). */
function compose(clarification: Clarification, index: number | null, answer: string): string {
  const chosen = index === null ? null : (clarification.options[index] ?? null);
  const picked = chosen === null ? stripSenseMarkers(answer) : optionHead(chosen);
  const base = clarification.base;
  switch (clarification.purpose) {
    case "what": {
      if (chosen === null && isGenerative(picked)) return picked;
      const kind = clarification.kind ?? null;
      const body = kind === null ? picked : lowerFirst(picked);
      switch (kind) {
        case null:
          return `Generate ${body}`;
        case "speech":
          return `Say "${picked}"`;
        case "music":
          return `Generate a music track: ${body}`;
        case "sfx":
          return `Generate a sound effect of ${body}`;
        default:
          return `Generate ${kind === "image" ? "an image" : "a video"} of ${body}`;
      }
    }
    case "format":
      return `${base} as ${picked}`;
    case "style":
      return chosen === null ? `${base}, ${picked}` : `${base}, ${picked.toLowerCase()} style`;
    case "voice":
      return chosen === null ? `${base}, ${picked}` : `${base}, voice ${picked}`;
    case "duration":
    case "vocals":
    case "scale":
      return `${base}, ${picked.toLowerCase()}`;
    case "workflow-steps":
      return `Create a workflow that ${lowerFirst(picked)}`;
    case "edit-type":
    case "previous":
    default:
      return picked;
  }
}

function thinkingForQuestion(clarification: Clarification): string {
  switch (clarification.purpose) {
    case "format":
      return "Which format does the user want?";
    case "what":
      return "The request is too vague to pick a model. I should ask what to make.";
    case "edit-type":
      return "The user sent an image but didn't say what to do with it.";
    case "previous":
      return "The user refers to something I don't have in this session.";
    case "workflow-inputs":
      return "The workflow needs inputs the message doesn't give.";
    case "workflow-steps":
      return "I can't tell which steps the workflow should have.";
    default:
      return "The user asked me to check before running anything. ";
  }
}

// ---------- words ----------

const NOUNS: Record<GenKind, string> = {
  image: "image",
  video: "video",
  speech: "voiceover",
  music: "music track",
  sfx: "sound effect",
};

const EDIT_VERBS: Record<EditTask["op"], string> = {
  edit: "edit the image as you described",
  "remove-background": "remove the background",
  upscale: "upscale the image",
  animate: "animate the image into a video",
  "face-swap": "swap the faces",
};

const EDIT_FILLER = new Set([
  "edit",
  "change",
  "fix",
  "improve",
  "enhance",
  "better",
  "modify",
  "tweak",
  "retouch",
  "adjust",
]);

function describeTask(task: ActionTask, call: ModelCall): string {
  if (task.type === "edit")
    return `to ${EDIT_VERBS[task.op]}${task.prompt !== "" && task.op === "edit" ? ` (${lowerFirst(task.prompt)})` : ""}`;
  const aspect = typeof call.input.aspect_ratio === "string" ? `${call.input.aspect_ratio} ` : "";
  switch (task.kind) {
    case "speech":
      return `a voiceover saying "${task.speech ?? task.prompt}"`;
    case "music":
    case "sfx":
      return `a ${call.label} of ${lowerFirst(task.prompt)}`;
    default:
      return `${/^[aeiou]/i.test(aspect || call.label) ? "an" : "a"} ${aspect}${call.label} of ${lowerFirst(task.prompt)}`;
  }
}

function answerText(task: ActionTask, call: ModelCall, note: string | null): string {
  const subject = stripArticle(task.prompt);
  if (task.type === "edit") {
    switch (task.op) {
      case "remove-background":
        return "I removed the background. The result is a transparent PNG.";
      case "upscale":
        return `Here is your image, upscaled ${task.scale}×.`;
      case "animate":
        return `I animated your image into a ${call.label}.`;
      case "face-swap":
        return "Here is the face-swapped image.";
      case "edit":
        return `I edited your image: ${lowerFirst(task.prompt)}.`.replace(/\.\.$/, ".");
    }
  }
  if (note !== null && /^(wider|taller)/.test(note))
    return `Here is a ${note.replace(/ \(/, " version (")} of your ${subject}.`;
  if (note !== null && note.startsWith("limit "))
    return `${note.slice(6)} is as far as ${call.model.slug} goes, so here is your ${subject} at ${note.slice(6)} again.`;
  switch (task.kind) {
    case "image":
      return call.label === "image"
        ? `Here is your ${subject}.`
        : `Here are your ${call.label} of ${lowerFirst(task.prompt)}.`;
    case "video":
      return `Here is your ${call.label} of ${lowerFirst(task.prompt)}.`;
    case "speech":
      return "Here is the voiceover.";
    case "music":
      return /\b(song|track|music|tune|melody|beat|jingle)\b/i.test(task.prompt)
        ? `Here it is: ${lowerFirst(task.prompt)}.`
        : `Here is your ${call.label}: ${lowerFirst(task.prompt)}.`;
    case "sfx":
      return /\b(sound|sfx|noise|effect)\b/i.test(task.prompt)
        ? `Here it is: ${subject}.`
        : `Here is your sound effect: ${subject}.`;
  }
}

function settingsOf(input: Record<string, unknown>): string {
  return Object.entries(input)
    .filter(([field]) => !["prompt", "text", "image_url", "face_url", "lyrics"].includes(field))
    .map(([field, value]) => `${field} ${String(value)}`)
    .join(", ");
}

function durationScale(call: ModelCall): number {
  if (call.kind !== "video") return 1;
  return Math.min(3, Math.max(0.6, Number(call.input.duration ?? 5) / 5));
}

function instructionOf(text: string): string {
  const clean = stripSenseMarkers(text)
    .replace(/^\s*(?:please\s+|now\s+|can you\s+|could you\s+)+/i, "")
    .replace(/[\s.!]+$/, "");
  return capitalize(clean);
}

function motionPrompt(text: string): string {
  const motion = stripSenseMarkers(text)
    .replace(/^\s*(?:please\s+|now\s+|can you\s+|could you\s+)*/i, "")
    .replace(
      /\b(?:animate|bring)\s+(?:it|this|that|them|the (?:image|photo|picture))(?:\s+to life)?\s*/i,
      "",
    )
    .replace(/\b(?:turn|make)\s+(?:it|this|them)\s+(?:into\s+)?(?:a\s+)?video\s*/i, "")
    .replace(/\b(?:into|as)\s+(?:a\s+)?(?:\d+[- ]?seconds?\s+)?video\b/i, "")
    .replace(/\b(?:for\s+)?\d+\s*-?\s*seconds?\b/i, "");
  return capitalize(collapse(motion).replace(/^[\s,.;:-]+|[\s,.;:!-]+$/g, ""));
}

function startsNew(text: string): boolean {
  return /^\s*(?:please\s+)?(?:generate|create|draw|design|paint|imagine|compose|produce)\b/i.test(
    text,
  );
}

function pieces(text: string, wordsPerPiece: number): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  const result: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerPiece)
    result.push(words.slice(index, index + wordsPerPiece).join(""));
  return result;
}

function capitalize(text: string): string {
  return text === "" ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A cat" → "a cat", "Anime style" → "anime style"; acronyms ("AI art") stay. */
function lowerFirst(text: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function stripArticle(text: string): string {
  return lowerFirst(text).replace(/^(?:a|an|the)\s+/i, "");
}

// ---------- workflows from chat ----------

function standInWorkflow(workflowId: string): WorkflowBody {
  return {
    name: `workflow-${workflowId}`,
    description:
      "Stand-in for a workflow the simulator does not know: generate an image, then upscale it.",
    categories: ["image-generation"],
    definition: {
      version: "v1",
      input_schema: {
        type: "object",
        properties: { prompt: { type: "string", description: "What to generate" } },
        required: ["prompt"],
      },
      steps: [
        {
          step_id: "generate",
          type: "model",
          model: "flux-2-pro",
          params: { prompt: "{{inputs.prompt}}" },
        },
        {
          step_id: "upscale",
          type: "model",
          model: "topaz-upscale-image",
          params: { image_url: "{{generate.primary}}", scale: 2 },
        },
      ],
    },
  };
}

/** Workflow inputs from the message: prompts from its words, images from image_urls, defaults for the rest. */
function workflowInputs(
  body: WorkflowBody,
  text: string,
  images: string[],
): { values: Record<string, unknown>; missing: string[] } {
  const properties = body.definition.input_schema.properties as Record<
    string,
    Record<string, unknown>
  >;
  const required = new Set(body.definition.input_schema.required);
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  const queue = [...images];
  const words = cleanPrompt(
    stripSenseMarkers(text).replace(
      /^\s*(?:please\s+)?(?:run|execute|trigger|start|use)\s+(?:my\s+|the\s+|this\s+)?(?:workflow|pipeline)?\s*(?:with|for|on|using|:)?\s*/i,
      "",
    ),
  );
  const hasWords =
    contentWords(words).filter(
      (word) => !["run", "workflow", "pipeline", "execute", "trigger"].includes(word),
    ).length > 0;
  for (const [name, schema] of Object.entries(properties)) {
    const isImage = schema.format === "uri" || /image|photo|face|url/i.test(name);
    let value: unknown;
    if (isImage) value = queue.shift();
    else if (schema.type === "string" && schema.enum === undefined)
      value = hasWords ? (name === "script" ? speechText(text) : words) : undefined;
    if (value === undefined)
      value = schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
    if (value === undefined && schema.type === "boolean") value = true;
    if (value === undefined) {
      if (required.has(name)) missing.push(name);
      continue;
    }
    values[name] = value;
  }
  return { values, missing };
}

function describeInput(body: WorkflowBody, name: string): string {
  const schema = (
    body.definition.input_schema.properties as Record<string, Record<string, unknown>>
  )[name];
  return typeof schema?.description === "string"
    ? schema.description
    : String(schema?.type ?? "value");
}
