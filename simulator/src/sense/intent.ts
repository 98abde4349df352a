import type { EditOp, GenKind } from "./task.js";

/**
 * Reading a message: which media, which format, which edit. Plain rules over
 * the text, no model: the same message always reads the same way.
 */

const SENSE_MARKER = /\[\[sense-[a-z-]+(?::[^\]]*)?\]\]/gi;

export function stripSenseMarkers(text: string): string {
  return collapse(text.replace(SENSE_MARKER, " "));
}

export function collapse(text: string): string {
  return text.replace(/\s{2,}/g, " ").trim();
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  sixty: 60,
};
const NUMBER_WORD = Object.keys(NUMBER_WORDS).join("|");

// ---------- aspect ratio ----------

const RATIO = /(?<![\d.])(21:9|16:9|9:16|1:1|4:3|3:4|3:2|2:3|5:4|4:5)(?![\d])/;
const WIDE =
  /\b(ultra[- ]?wide|widescreen|wide|landscape|horizontal|panoramic|youtube thumbnail)\b/i;
const TALL = /\b(portrait|vertical|tall|stor(?:y|ies)|reels?|tiktok|phone wallpaper)\b/i;
const SQUARE = /\b(square|instagram post|profile picture|avatar)\b/i;

/** "16:9", "wide", "portrait", "square"...; null when the message says nothing about it. */
export function detectAspect(text: string): string | null {
  const explicit = RATIO.exec(text);
  if (explicit?.[1] !== undefined) return explicit[1];
  if (SQUARE.test(text)) return "1:1";
  if (WIDE.test(text)) return "16:9";
  if (TALL.test(text)) return "9:16";
  return null;
}

/** Aspect ratios from tall to wide, for "make it wider" / "taller". */
const WIDTH_ORDER = ["9:16", "2:3", "3:4", "4:5", "1:1", "5:4", "4:3", "3:2", "16:9", "21:9"];

export function widen(aspect: string | null, steps: number): string {
  const current = WIDTH_ORDER.indexOf(aspect ?? "1:1");
  const from = current < 0 ? WIDTH_ORDER.indexOf("1:1") : current;
  // Widening jumps to the next common format rather than creeping through every ratio.
  const targets = steps > 0 ? ["1:1", "4:3", "16:9"] : ["1:1", "3:4", "9:16"];
  const next = targets.find((target) =>
    steps > 0 ? WIDTH_ORDER.indexOf(target) > from : WIDTH_ORDER.indexOf(target) < from,
  );
  return next ?? (steps > 0 ? "16:9" : "9:16");
}

// ---------- duration, count ----------

const SECONDS = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?|${NUMBER_WORD})\s*-?\s*(seconds?|secs?|s)\b`,
  "i",
);
const MINUTES = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?|${NUMBER_WORD})\s*-?\s*(minutes?|mins?)\b`,
  "i",
);

export function detectDuration(text: string): number | null {
  const seconds = SECONDS.exec(text);
  if (seconds?.[1] !== undefined && !(seconds[2] === "s" && !/\d/.test(seconds[1])))
    return toNumber(seconds[1]);
  const minutes = MINUTES.exec(text);
  if (minutes?.[1] !== undefined) return toNumber(minutes[1]) * 60;
  return null;
}

const COUNT = new RegExp(
  String.raw`\b([1-4]|one|two|three|four)\s+(?:different\s+)?(images|pictures|photos|variations|versions|variants|options|takes)\b`,
  "i",
);

export function detectCount(text: string): number | null {
  const match = COUNT.exec(text);
  return match?.[1] === undefined ? null : toNumber(match[1]);
}

function toNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  return word ?? Number(raw);
}

// ---------- media kind ----------

const SPEECH_NOUN =
  /\b(voice ?-?overs?|narrations?|narrate|text[- ]to[- ]speech|tts|read (?:this|it|that) (?:aloud|out)|read aloud|audiobook|announcement)\b/i;
const VIDEO_NOUN =
  /\b(videos?|clips?|animations?|animate[ds]?|movies?|films?|footage|trailers?|time-?lapse|cinemagraph)\b/i;
const MUSIC_NOUN =
  /\b(music|songs?|melod(?:y|ies)|soundtracks?|beats?|jingles?|tunes?|lo-?fi|instrumentals?|anthems?|ballads?|lullab(?:y|ies))\b/i;
const SFX_NOUN = /\b(sound effects?|sfx|sounds? of|noises?|ambien(?:ce|t sound)|foley|audio)\b/i;
const IMAGE_NOUN =
  /\b(images?|pictures?|pics?|photos?|photographs?|illustrations?|drawings?|paintings?|posters?|logos?|banners?|wallpapers?|icons?|stickers?|artworks?|portraits?|renders?|sketch(?:es)?|thumbnails?|memes?|avatars?|cards?|flyers?|covers?|headshots?|selfies?)\b/i;
const SPEECH_VERB = /\b(say|says|saying|speak|speaks|pronounce|read out)\b/i;

/** The media a message asks for; `explicit` is false when the agent assumed an image. */
export function detectKind(text: string): { kind: GenKind; explicit: boolean } {
  if (SPEECH_NOUN.test(text)) return { kind: "speech", explicit: true };
  if (VIDEO_NOUN.test(text)) return { kind: "video", explicit: true };
  if (MUSIC_NOUN.test(text)) return { kind: "music", explicit: true };
  if (SFX_NOUN.test(text)) return { kind: "sfx", explicit: true };
  if (IMAGE_NOUN.test(text)) return { kind: "image", explicit: true };
  if (SPEECH_VERB.test(text)) return { kind: "speech", explicit: true };
  return { kind: "image", explicit: false };
}

const GENERATE_VERB =
  /\b(generate|create|make|draw|design|render|produce|paint|imagine|visuali[sz]e|compose|film|shoot|sketch|illustrate|give me|show me|get me|i want|i need|i'd like)\b/i;

/** Whether the message asks for something to be made (as opposed to a question or a greeting). */
export function isGenerative(text: string): boolean {
  return (
    GENERATE_VERB.test(text) ||
    IMAGE_NOUN.test(text) ||
    VIDEO_NOUN.test(text) ||
    MUSIC_NOUN.test(text) ||
    SPEECH_NOUN.test(text) ||
    /^\s*(say|speak)\b/i.test(text)
  );
}

// ---------- edits ----------

const REMOVE_BACKGROUND =
  /\b(remove|delete|erase|cut out|drop|get rid of|strip)\s+(?:the\s+|its\s+|my\s+)?(?:back-?ground|bg)\b|\bback-?ground remov|\btransparent (?:back-?ground|png)|\bcut ?out the subject/i;
const UPSCALE =
  /\b(upscale|upscaling|up-scale|enhance (?:the )?resolution|higher resolution|increase (?:the )?resolution|super-?resolution|make it (?:sharper|crisper)|sharpen|[24] ?x (?:bigger|larger|resolution)|hd version|4k)\b/i;
const ANIMATE =
  /\b(animate|bring (?:it|this|them) to life|make (?:it|this|them) move|turn (?:it|this|them) into (?:a )?video|make (?:it|this) (?:a|into a) video|image[- ]to[- ]video)\b/i;
const FACE_SWAP =
  /\b(face ?-?swap|swap (?:the |my |our )?faces?|put my face|replace (?:the |his |her )?face)\b/i;
const EDIT_VERB =
  /^\s*(?:please\s+|now\s+|can you\s+|could you\s+)?(edit|change|replace|add|remove|put|give|turn|convert|transform|restyle|recolou?r|make|swap|fix|retouch|erase|apply|colou?rize|brighten|darken)\b/i;

/** The edit a message asks for when it comes with an image (or refers to the last one). */
export function detectEditOp(text: string): EditOp | null {
  if (FACE_SWAP.test(text)) return "face-swap";
  if (REMOVE_BACKGROUND.test(text)) return "remove-background";
  if (UPSCALE.test(text)) return "upscale";
  if (ANIMATE.test(text) || (VIDEO_NOUN.test(text) && !IMAGE_NOUN.test(text))) return "animate";
  if (EDIT_VERB.test(text) || /\b(edit|style|version)\b/i.test(text)) return "edit";
  return null;
}

export function upscaleFactor(text: string): number {
  return /\b(4 ?x|4k|four times|maximum detail|max detail)\b/i.test(text) ? 4 : 2;
}

// ---------- follow-ups ----------

const FOLLOW_UP_WORDS =
  /\b(again|same (?:one|thing|image|video|picture|prompt|but)|another (?:one|version|take)|one more|instead|previous (?:one|image|video|result)|last one|wider|taller|narrower|longer|shorter)\b/i;
const FOLLOW_UP_START =
  /^\s*(?:(?:ok(?:ay)?|great|nice|cool|perfect|thanks|and|but|now)[,.!]?\s+)*(?:please\s+)?(?:can you\s+)?(?:make|turn|render|do|redo|change|give|edit|try)\s+(?:it|this|that|them|one|the (?:image|picture|photo|video|result|clip|song|track))\b/i;
const NEW_SUBJECT_START =
  /^\s*(?:please\s+)?(?:now\s+)?(?:generate|create|draw|design|paint|imagine|compose|produce|make)\s+(?:me\s+)?(?:a|an|some|\d+)\b/i;

/** Whether the message builds on the session's last result ("make it wider", "again but red"). */
export function refersToPrevious(text: string): boolean {
  const clean = stripSenseMarkers(text);
  if (FOLLOW_UP_WORDS.test(clean) || FOLLOW_UP_START.test(clean)) return true;
  return /^\s*now\b/i.test(clean) && !NEW_SUBJECT_START.test(clean.replace(/^\s*now\s+/i, ""));
}

/** "now make it …", "again but …": regenerate the last result with a change (rather than edit it). */
export function isRegenerateFollowUp(text: string): boolean {
  return (
    FOLLOW_UP_WORDS.test(text) ||
    /^\s*(?:(?:ok(?:ay)?|great|nice|cool|perfect|thanks|and|but|now)[,.!]?\s+)*(?:please\s+)?(?:make|render|do|redo|try)\s+(?:it|this|that|them|one)\b/i.test(
      text,
    )
  );
}

/** A question rather than a request ("What are the latest trends?"). */
export function isQuestion(text: string): boolean {
  const clean = stripSenseMarkers(text);
  if (GENERATE_VERB.test(clean) && !/^\s*(what|who|when|where|why|how|which)\b/i.test(clean))
    return false;
  return (
    /\?\s*$/.test(clean) ||
    /^\s*(what|who|when|where|why|how|which|is|are|do|does|did|tell me|explain|search|look up|find out)\b/i.test(
      clean,
    )
  );
}

export type SizeChange = "wider" | "taller" | "longer" | "shorter" | null;

export function sizeChange(text: string): SizeChange {
  if (/\b(wider|broader|more panoramic|zoom out|widescreen)\b/i.test(text)) return "wider";
  if (/\b(taller|narrower|more vertical)\b/i.test(text)) return "taller";
  if (/\b(longer|extend(?:ed)?|more time)\b/i.test(text)) return "longer";
  if (/\b(shorter|trim)\b/i.test(text)) return "shorter";
  return null;
}

/** What a follow-up adds to the previous prompt, once the follow-up words are gone. */
export function followUpAddition(text: string): string {
  let rest = stripSenseMarkers(text)
    .replace(/^\s*(?:ok(?:ay)?|great|nice|cool|thanks|perfect|good)[,.!]?\s*(?:,\s*)?(?=\w)/i, "")
    .replace(/^\s*(?:please\s+)?(?:now\s+|and\s+)?/i, "")
    .replace(
      /^(?:do it |try it |generate it |make (?:it|this|that|them|one) |same (?:thing|one|image|video|prompt)?\s*)?(?:again\s*)?(?:,?\s*but\s+)?/i,
      "",
    )
    .replace(/^(?:make|render|do|generate|try)\s+(?:it|this|that|them|one)\s+/i, "")
    .replace(/^(?:another|one more)\s+(?:one|version|take)?\s*(?:,?\s*but\s+)?/i, "")
    .replace(
      /\b(?:a (?:bit|little) |much |even |slightly )?(?:wider|taller|narrower|longer|shorter|bigger|smaller|broader)\b/gi,
      "",
    )
    .replace(/\b(?:again|instead|please|as well|too)\b/gi, "")
    .replace(RATIO, "")
    .replace(SECONDS, "")
    .replace(/^\s*(?:and|but|with|,)\s+/i, "");
  rest = collapse(rest).replace(/^[\s,.;:!-]+|[\s,.;:!-]+$/g, "");
  return /^(it|this|that|them|one|the same|same)?$/i.test(rest) ? "" : rest;
}

// ---------- prompt cleanup ----------

const POLITE = [
  /^(?:hey|hi|hello)\b[,!.]?\s*/i,
  /^(?:please|pls|kindly)\s+/i,
  /^(?:can|could|would|will) you\s+(?:please\s+)?/i,
  /^(?:i want|i'd like|i would like|i need|let's|lets)\s+(?:you\s+)?(?:to\s+)?/i,
  /^now\s+/i,
];
const VERB_HEAD =
  /^(?:generate|create|make|draw|design|render|produce|paint|imagine|visuali[sz]e|compose|film|shoot|sketch|illustrate|animate|give me|show me|get me|build)\s+(?:me\s+|us\s+)?/i;
// Only picture and video nouns: "a song about the ocean" stays a good music prompt.
const MEDIA_HEAD =
  /^(?:(?:a|an|one|some|\d+|two|three|four)\s+)?(?:(?:new|quick|short|simple|different)\s+)?(?:image|picture|pic|photo|photograph|illustration|drawing|painting|render|artwork|video|clip|animation|movie|film|images|pictures|photos|videos|variations|versions|variants)(?:\s+(?:of|showing|with|about|depicting|featuring|where|in which)|\s*:)\s+/i;
const VOICE_PHRASE = /,?\s*\bvoice:?\s+(?:rachel|adam|bella|antoni|domi|elli|josh|arnold|sam)\b/gi;
const FORMAT_PHRASES: RegExp[] = [
  new RegExp(
    String.raw`[,(]?\s*\b(?:in|at|with|as)?\s*(?:an?\s+)?(?:aspect ratio\s+(?:of\s+)?)?(?:21:9|16:9|9:16|1:1|4:3|3:4|3:2|2:3|5:4|4:5)(?:\s+(?:aspect ratio|ratio|format))?\s*\)?`,
    "gi",
  ),
  /\b(?:in|as)\s+(?:a\s+)?(?:widescreen|wide|landscape|portrait|vertical|horizontal|square)\s+(?:format|mode|orientation|aspect ratio|ratio)\b/gi,
  /\b(?:widescreen|vertical|square|horizontal)\s+(?:format|orientation)\b/gi,
  /\b(?:square|wide|widescreen|vertical|horizontal|tiktok|instagram|youtube|social media)\s+(?=(?:image|picture|photo|video|clip|wallpaper|poster|reel|story)s?\b)/gi,
  /,?\s*\b(?:in\s+)?(?:ultra[- ]?wide|widescreen|wide|square|vertical|horizontal)\s*[.!]?\s*$/gi,
  new RegExp(
    String.raw`\b(?:for|lasting|of|about)?\s*(?:a|an)?\s*(?:\d+(?:\.\d+)?\s*-?\s*(?:seconds?|secs?|s)|(?:${NUMBER_WORD})\s*-?\s*(?:seconds?|secs?))\b(?:\s+long)?`,
    "gi",
  ),
  new RegExp(
    String.raw`\b(?:for|lasting|of|about)?\s*(?:a|an)?\s*(?:\d+|${NUMBER_WORD})\s*-?\s*(?:minutes?|mins?)\b(?:\s+long)?`,
    "gi",
  ),
  /\b(?:[1-4]|one|two|three|four)\s+(?:different\s+)?(?=(?:images|pictures|photos|variations|versions|variants|options|takes)\b)/gi,
  /[,\s]*\b(?:as|in)\s+(?:an?\s+)?(?:image|picture|photo|video|clip)\b(?=\s*(?:[,.;!]|$))/gi,
  VOICE_PHRASE,
  /\b(?:in|with)\s+(?:eco|max)\s+mode\b/gi,
  /\bfor me\b/gi,
];

/** The model prompt a message boils down to: no politeness, command, format or duration words. */
export function cleanPrompt(text: string): string {
  let prompt = stripSenseMarkers(text);
  for (let pass = 0; pass < 2; pass += 1)
    for (const pattern of POLITE) prompt = prompt.replace(pattern, "");
  prompt = prompt.replace(VERB_HEAD, "");
  for (const pattern of FORMAT_PHRASES) prompt = prompt.replace(pattern, " ");
  prompt = collapse(prompt);
  prompt = prompt.replace(MEDIA_HEAD, "");
  prompt = collapse(prompt)
    .replace(/\s+(?:please)$/i, "")
    .replace(/^[\s,.;:!?-]+|[\s,.;:!?-]+$/g, "")
    .replace(/\(\s*\)/g, "");
  prompt = collapse(prompt);
  return prompt === "" ? "" : prompt.charAt(0).toUpperCase() + prompt.slice(1);
}

const STOP_WORDS = new Set(
  (
    "a an the some something somethin anything everything thing things stuff me my us our you your it its " +
    "this that these those for with of to in on at and or but please pls really very super so cool nice " +
    "awesome amazing interesting random good great beautiful pretty neat fun funny new one just quick " +
    "simple whatever idea ideas image images picture pictures photo photos pic video videos clip music " +
    "song audio sound art artwork generate create make draw design render produce give show get " +
    "can could would will i i'd want need like let's lets surprise be is are"
  ).split(" "),
);

/** The words that say what to make; none means the request is too vague to act on. */
export function contentWords(prompt: string): string[] {
  return (prompt.toLowerCase().match(/[a-z0-9']+/g) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/** Words to speak: quoted text, else what follows "say"/"saying"/"narrate". */
export function speechText(text: string): string {
  const quoted = /["“„'‘]([^"”“'’]{2,})["”'’]/.exec(text);
  if (quoted?.[1] !== undefined) return quoted[1].trim();
  const after =
    /\b(?:say|says|saying|speak|narrate|narrating|read(?: out| aloud)?|voice ?-?over(?: of| for| that says| saying)?|text[- ]to[- ]speech(?: of| for)?)\s*:?\s+(.+)$/i.exec(
      stripSenseMarkers(text),
    );
  const words = after?.[1] ?? cleanPrompt(text);
  return collapse(
    words
      .replace(VOICE_PHRASE, "")
      .replace(/\b(?:in|with) a (?:deep|calm|male|female) voice\b/i, ""),
  ).replace(/^[\s,.;:-]+/, "");
}

export function detectVoice(text: string): string | null {
  const named = /\b(rachel|adam|bella|antoni|domi|elli|josh|arnold|sam)\b/i.exec(text);
  if (named?.[1] !== undefined) return named[1].toLowerCase();
  if (/\b(male|man's|deep|baritone)\b/i.test(text) && !/\bfemale\b/i.test(text)) return "adam";
  if (/\b(female|woman's|soft)\b/i.test(text)) return "rachel";
  return null;
}

export function wantsVocals(text: string): boolean {
  return (
    /\b(vocals?|lyrics|sing(?:s|ing|er)?|sung|with words|songs?|ballads?|anthems?|lullab(?:y|ies))\b/i.test(
      text,
    ) && !/\b(instrumental|background music|no vocals|without vocals)\b/i.test(text)
  );
}

/** "hi", "hello there", "thanks!": small talk, nothing to make. */
export function isGreeting(text: string): boolean {
  return /^\s*(?:hi|hello|hey|hiya|yo|sup|thanks|thank you|good (?:morning|afternoon|evening)|how are you|what's up)\b/i.test(
    stripSenseMarkers(text),
  );
}

export function wantsLettering(text: string): boolean {
  return /\b(logo|typography|lettering|wordmark|text that (?:says|reads)|that says|saying|with the (?:words?|text)|title text|headline)\b/i.test(
    text,
  );
}

export function mentionsNsfw(text: string): boolean {
  return /\bnsfw\b/i.test(text);
}

// ---------- conversation ----------

/** "yes", "approve", "go ahead", "1", "Yes, execute this plan". */
export function isApproval(text: string): boolean {
  const match =
    /^\s*(yes|yep|yeah|yup|sure|ok|okay|approve[sd]?|approved|go ahead|go for it|go|proceed|do it|run it|execute|sounds good|looks good|lgtm|confirm(?:ed)?|option 1|1)\b/i.exec(
      stripSenseMarkers(text),
    );
  if (match === null) return false;
  const rest = stripSenseMarkers(text)
    .slice(match[0].length)
    .replace(
      /\b(please|execute|run|go ahead|proceed|this|the|plan|it|now|thanks|thank you)\b/gi,
      "",
    )
    .replace(/[\s,.;:!-]+/g, "");
  return rest === "";
}

export function isCancel(text: string): boolean {
  return /^\s*(cancel|stop|abort|never ?mind|forget it|no thanks)\b/i.test(text);
}

/** "no", "2", "No, I want to modify it": declines without saying what to change. */
export function isBareDecline(text: string): boolean {
  return /^\s*(no|nope|nah|2|option 2|no,? i want to (?:modify|change) it|modify|change it)\W*$/i.test(
    text,
  );
}

const ORDINALS: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3, last: -1 };

/** Which offered option an answer picks: a number, an ordinal, or the option's text. */
export function pickOption(answer: string, options: readonly string[]): number | null {
  const text = stripSenseMarkers(answer).toLowerCase();
  const numbered = /^\s*(?:option\s*|#|number\s*)?(\d+)\b/.exec(text);
  if (numbered?.[1] !== undefined) {
    const index = Number(numbered[1]) - 1;
    return index >= 0 && index < options.length ? index : null;
  }
  const ordinal = /^\s*(?:the\s+)?(first|second|third|fourth|last)\b/.exec(text);
  if (ordinal?.[1] !== undefined) {
    const index = ORDINALS[ordinal[1]] ?? 0;
    const resolved = index < 0 ? options.length - 1 : index;
    return resolved < options.length ? resolved : null;
  }
  const normalized = normalize(text);
  if (normalized.length < 2) return null;
  const exact = options.findIndex(
    (option) => normalize(option) === normalized || normalize(optionHead(option)) === normalized,
  );
  if (exact >= 0) return exact;
  const partial = options.findIndex((option) => {
    const head = normalize(optionHead(option));
    return (
      head.length >= 3 &&
      (normalized.includes(head) || (normalized.length >= 4 && head.includes(normalized)))
    );
  });
  return partial >= 0 ? partial : null;
}

/** "5 seconds - Quick clip" → "5 seconds". */
export function optionHead(option: string): string {
  return option.split(/\s+-\s+/)[0]?.trim() ?? option;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9:]+/g, " ")
    .trim();
}
