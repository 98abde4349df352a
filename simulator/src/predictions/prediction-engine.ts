import { randomUUID } from "node:crypto";
import type { CatalogModel } from "../catalog/catalog-model.js";
import type { MediaKind } from "../options.js";
import { sha256Hex } from "../prng.js";
import { scaled, type RuntimeConfig } from "../runtime-config.js";
import type { Scheduler } from "../scheduler.js";
import { readMarkers } from "./markers.js";
import { failureLogs, planOutcome } from "./plan-outcome.js";
import { costOf } from "./pricing.js";
import { isTerminal, type FailureCode, type PredictionRecord } from "./prediction-record.js";
import { plannedTiming } from "./timing.js";

export interface NewPrediction {
  key: string;
  model: CatalogModel;
  kind: MediaKind;
  input: Record<string, unknown>;
  resolvedInput: Record<string, unknown>;
  webhook: { url: string; secret: string | null } | null;
}

export type OutputProducer = (record: PredictionRecord) => Promise<unknown>;
export type TerminalListener = (record: PredictionRecord) => void;

/**
 * Owns predictions in memory and moves each through its phases on timers:
 * queued → processing → success | failed | cancelled. Output media are generated
 * while "processing"; success waits for both the timer and the files.
 */
export class PredictionEngine {
  private readonly records = new Map<string, PredictionRecord>();
  private readonly inFlightByKey = new Map<string, Set<string>>();
  private readonly cancellers = new Map<string, (() => void)[]>();
  private readonly settle = new Map<string, () => void>();
  private readonly seenInputs = new Set<string>();
  private readonly listeners: TerminalListener[] = [];

  constructor(
    private readonly config: RuntimeConfig,
    private readonly scheduler: Scheduler,
    private readonly produce: OutputProducer,
  ) {}

  onTerminal(listener: TerminalListener): void {
    this.listeners.push(listener);
  }

  create(request: NewPrediction): PredictionRecord {
    const markers = readMarkers(request.input);
    const timing = plannedTiming(request.kind, request.resolvedInput, this.config.durationsMs, {
      slow: markers.slow,
      jitter: Math.random(),
    });
    const givenSeed = Number(request.resolvedInput.seed);
    // No seed means "random", as on the platform; a given seed makes outputs reproducible.
    const seed = Number.isInteger(givenSeed) ? givenSeed : Math.floor(Math.random() * 2 ** 31);
    const inputFingerprint = sha256Hex(
      `${request.key}\u0000${request.model.slug}\u0000${JSON.stringify(request.input)}`,
    );
    let resolveSettled: () => void = () => undefined;
    const record: PredictionRecord = {
      id: randomUUID(),
      key: request.key,
      model: request.model,
      kind: request.kind,
      input: request.input,
      resolvedInput: request.resolvedInput,
      seed,
      phase: "queued",
      outcome: planOutcome({
        model: request.model,
        input: request.input,
        resolvedInput: request.resolvedInput,
        markers,
        runMs: timing.runMs,
        failRate: this.config.failRate,
        firstSighting: () => {
          const first = !this.seenInputs.has(inputFingerprint);
          this.seenInputs.add(inputFingerprint);
          return first;
        },
        random: Math.random,
      }),
      output: null,
      logs: null,
      failureCode: null,
      createdAt: new Date(),
      startedAt: null,
      completedAt: null,
      estimatedCost: costOf(request.model, request.kind, request.resolvedInput),
      cost: null,
      predictTime: null,
      queueMs: timing.queueMs,
      runMs: timing.runMs,
      webhook: request.webhook,
      markers,
      settled: new Promise<void>((resolve) => {
        resolveSettled = resolve;
      }),
    };
    this.records.set(record.id, record);
    this.settle.set(record.id, resolveSettled);
    this.inFlight(record.key).add(record.id);
    this.addTimer(record, scaled(this.config, record.queueMs), () => this.startProcessing(record));
    return record;
  }

  get(id: string): PredictionRecord | undefined {
    return this.records.get(id);
  }

  all(): PredictionRecord[] {
    return [...this.records.values()];
  }

  inFlightCount(key: string): number {
    return this.inFlightByKey.get(key)?.size ?? 0;
  }

  inFlightRecords(key: string): PredictionRecord[] {
    return [...(this.inFlightByKey.get(key) ?? [])].flatMap((id) => this.records.get(id) ?? []);
  }

  /** Best effort, like the platform: a prediction that already ended stays as it is. */
  cancel(record: PredictionRecord): void {
    if (isTerminal(record)) return;
    const elapsedMs = record.startedAt === null ? 0 : Date.now() - record.startedAt.getTime();
    const simulatedSeconds = elapsedMs / Math.max(this.config.timeFactor, 1e-6) / 1000;
    record.predictTime = round2(Math.min(simulatedSeconds, record.runMs / 1000));
    record.cost = 0;
    this.finish(record, "cancelled");
  }

  clear(): void {
    for (const cancels of this.cancellers.values()) cancels.forEach((cancel) => cancel());
    this.records.clear();
    this.inFlightByKey.clear();
    this.cancellers.clear();
    this.settle.clear();
    this.seenInputs.clear();
  }

  private startProcessing(record: PredictionRecord): void {
    if (record.phase !== "queued") return;
    record.phase = "processing";
    record.startedAt = new Date();
    const outcome = record.outcome;
    switch (outcome.kind) {
      case "hang":
        return;
      case "fail":
        this.addTimer(record, scaled(this.config, outcome.afterMs), () =>
          this.fail(record, outcome.code, outcome.logs, outcome.afterMs),
        );
        return;
      case "success":
        void this.succeed(record);
    }
  }

  private async succeed(record: PredictionRecord): Promise<void> {
    const timer = new Promise<void>((resolve) =>
      this.addTimer(record, scaled(this.config, record.runMs), resolve),
    );
    let output: unknown;
    try {
      [output] = await Promise.all([this.produce(record), timer]);
    } catch (error) {
      const reason =
        error instanceof Error ? (error.message.split("\n")[0] ?? "unknown error") : String(error);
      this.fail(
        record,
        "INTERNAL_ERROR",
        failureLogs(record.model.slug, `output generation failed: ${reason}`),
        record.runMs,
      );
      return;
    }
    if (record.phase !== "processing") return; // cancelled meanwhile
    record.output = output;
    record.cost = record.estimatedCost;
    record.predictTime = round2(record.runMs / 1000);
    this.finish(record, "success");
  }

  private fail(record: PredictionRecord, code: FailureCode, logs: string, afterMs: number): void {
    if (record.phase !== "processing") return;
    record.logs = logs;
    record.failureCode = code;
    record.cost = 0;
    record.predictTime = round2(afterMs / 1000);
    this.finish(record, "failed");
  }

  private finish(record: PredictionRecord, phase: "success" | "failed" | "cancelled"): void {
    record.phase = phase;
    record.completedAt = new Date();
    this.cancellers.get(record.id)?.forEach((cancel) => cancel());
    this.cancellers.delete(record.id);
    this.inFlightByKey.get(record.key)?.delete(record.id);
    this.settle.get(record.id)?.();
    this.settle.delete(record.id);
    for (const listener of this.listeners) listener(record);
  }

  private addTimer(record: PredictionRecord, ms: number, task: () => void): void {
    const cancels = this.cancellers.get(record.id) ?? [];
    cancels.push(this.scheduler.after(ms, task));
    this.cancellers.set(record.id, cancels);
  }

  private inFlight(key: string): Set<string> {
    let ids = this.inFlightByKey.get(key);
    if (ids === undefined) {
      ids = new Set();
      this.inFlightByKey.set(key, ids);
    }
    return ids;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
