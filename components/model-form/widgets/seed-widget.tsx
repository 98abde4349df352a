"use client";
import type { WidgetProps } from "@rjsf/utils";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { controlAria } from "../aria";
import { DiceIcon } from "../form-icons";

/** Seeds most models accept: 0 … 2³¹−1 (a signed 32-bit integer). */
const SEED_MAX = 2_147_483_647;

function randomSeed(min: number, max: number): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return min + ((buffer[0] ?? 0) % (max - min + 1));
}

/** A seed: a whole number to reproduce a run, empty for a random one, and a dice to roll one. */
export function SeedWidget(props: WidgetProps) {
  const { id, value, schema, required, disabled, readonly, rawErrors, onChange, onBlur, onFocus } =
    props;
  const min = Math.max(0, Number(schema.minimum ?? 0));
  const max = Math.min(SEED_MAX, Number(schema.maximum ?? SEED_MAX));
  const off = disabled || readonly;
  return (
    <div className="flex gap-2">
      <Input
        type="number"
        id={id}
        name={id}
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={typeof value === "number" || typeof value === "string" ? value : ""}
        placeholder="Random"
        required={required}
        disabled={off}
        {...controlAria(id, rawErrors)}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === "" ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);
        }}
        onBlur={(event) => onBlur(id, event.target.value)}
        onFocus={(event) => onFocus(id, event.target.value)}
        className="tabular-nums"
      />
      <Button
        variant="outline"
        aria-label="Randomize seed"
        title="Randomize seed"
        disabled={off}
        onClick={() => onChange(randomSeed(min, max))}
        className="shrink-0"
      >
        <DiceIcon /> Randomize
      </Button>
    </div>
  );
}
