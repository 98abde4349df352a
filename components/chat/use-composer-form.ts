"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { ChatSettings } from "@/lib/shared/sense-types";
import { readDraft } from "./composer-drafts";
import { composerSchema, type ComposerValues } from "./composer-schema";

/** The composer's form, starting from the chat's settings and any draft left in it. */
export function useComposerForm(draftKey: string, settings: ChatSettings) {
  return useForm<ComposerValues>({
    resolver: zodResolver(composerSchema),
    defaultValues: {
      content: readDraft(draftKey)?.content ?? "",
      mode: settings.mode,
      behavior: settings.behavior,
      webSearch: settings.webSearch,
    },
  });
}
