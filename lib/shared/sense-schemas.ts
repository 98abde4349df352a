// Inputs of the chat endpoints (app/api/chat/**). Browser-safe, so forms validate the same way.
import { z } from "zod";
import { CHAT_BEHAVIORS, CHAT_MODES } from "./sense-types";

/** each::sense refuses longer prompts ("Prompt exceeds maximum length of 10,000 characters"). */
export const CHAT_MAX_CHARS = 10_000;
/** each::sense takes at most 4 images per request. */
export const CHAT_MAX_IMAGES = 4;
export const CHAT_TITLE_MAX = 120;

const mode = z.enum(CHAT_MODES, "max or eco");
const behavior = z.enum(CHAT_BEHAVIORS, "agent, plan or ask");
const title = z.string().trim().min(1, "Give the chat a name.").max(CHAT_TITLE_MAX);

const imageUrl = z
  .string()
  .trim()
  .url("an image URL")
  .refine((value) => /^https?:\/\//i.test(value), "an http(s) image URL");

export const createConversationSchema = z.object({
  title: title.optional(),
  mode: mode.default("max"),
  behavior: behavior.default("agent"),
  webSearch: z.boolean().default(true),
});
export type CreateConversationInput = z.input<typeof createConversationSchema>;

export const updateConversationSchema = z
  .object({ title, mode, behavior, webSearch: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.");
export type UpdateConversationInput = z.input<typeof updateConversationSchema>;

export const sendMessageSchema = z.object({
  content: z
    .string()
    .trim()
    .min(1, "Write a message.")
    .max(CHAT_MAX_CHARS, `At most ${CHAT_MAX_CHARS.toLocaleString("en")} characters.`),
  imageUrls: z
    .array(imageUrl)
    .max(CHAT_MAX_IMAGES, `At most ${CHAT_MAX_IMAGES} images per message.`)
    .default([]),
  // Override the conversation's settings; what is given sticks for the next messages.
  mode: mode.optional(),
  behavior: behavior.optional(),
  webSearch: z.boolean().optional(),
});
export type SendMessageInput = z.input<typeof sendMessageSchema>;

export const stopStreamSchema = z.object({ messageId: z.string().min(1).max(100).optional() });

export const listConversationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.string().max(100).optional(),
});

export const messageStateQuery = z.object({
  /** Only events from this seq on (what a page that already has some needs). */
  after: z.coerce.number().int().min(0).optional(),
});
