"use client";
import { Controller, type Control } from "react-hook-form";
import type { ChatBehavior, ChatMode } from "@/lib/shared/sense-types";
import type { ComposerValues } from "./composer-schema";
import { SegmentedControl, type SegmentedOption } from "./segmented-control";
import { WebSearchSwitch } from "./web-search-switch";

const MODES: SegmentedOption<ChatMode>[] = [
  { value: "max", label: "Max", hint: "Max: the best models" },
  { value: "eco", label: "Eco", hint: "Eco: faster, cheaper models" },
];

const BEHAVIORS: SegmentedOption<ChatBehavior>[] = [
  { value: "agent", label: "Agent", hint: "Agent: makes it right away" },
  { value: "plan", label: "Plan", hint: "Plan: shows a plan and its cost first" },
  { value: "ask", label: "Ask", hint: "Ask: asks a question before it starts" },
];

/** How each::sense answers the next message: quality, whether it asks first, web search. */
export function ComposerSettings({ control }: { control: Control<ComposerValues> }) {
  return (
    <>
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <SegmentedControl
            label="Mode"
            options={MODES}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="behavior"
        render={({ field }) => (
          <SegmentedControl
            label="Behaviour"
            options={BEHAVIORS}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="webSearch"
        render={({ field }) => <WebSearchSwitch checked={field.value} onChange={field.onChange} />}
      />
    </>
  );
}
