// The composer's fields: the message text is checked by the same rule the endpoint uses.
import { z } from "zod";
import { sendMessageSchema } from "@/lib/shared/sense-schemas";
import { CHAT_BEHAVIORS, CHAT_MODES, type ChatSettings } from "@/lib/shared/sense-types";

export const composerSchema = z.object({
  content: sendMessageSchema.shape.content,
  mode: z.enum(CHAT_MODES),
  behavior: z.enum(CHAT_BEHAVIORS),
  webSearch: z.boolean(),
});

export type ComposerValues = z.infer<typeof composerSchema>;

export function settingsOf(values: ComposerValues): ChatSettings {
  return { mode: values.mode, behavior: values.behavior, webSearch: values.webSearch };
}
