import { z } from "zod";
import { displayNameSchema } from "./projects";

/**
 * The API configuration ("apps") a project or subproject hosts. Kept free of drizzle imports so
 * client components can read the labels; lib/domain/apps.ts checks it matches the db enum.
 */
export const APP_KINDS = ["sms_service_plan", "conversation", "voice", "verification"] as const;
export type AppKindName = (typeof APP_KINDS)[number];

export const APP_KIND_LABELS: Record<AppKindName, { one: string; many: string }> = {
  sms_service_plan: { one: "SMS service plan", many: "SMS service plans" },
  conversation: { one: "Conversation app", many: "Conversation apps" },
  voice: { one: "Voice app", many: "Voice apps" },
  verification: { one: "Verification app", many: "Verification apps" },
};

/**
 * Processing regions, the set the upstream SMS API offers: us (United States), eu (European
 * Union), br (Brazil), au (Australia), ca (Canada). One set for every kind keeps an app's region
 * editable without re-checking it against the kind.
 */
export const APP_REGIONS = ["us", "eu", "br", "au", "ca"] as const;
export const APP_REGION_LABELS: Record<(typeof APP_REGIONS)[number], string> = {
  us: "United States (us)",
  eu: "European Union (eu)",
  br: "Brazil (br)",
  au: "Australia (au)",
  ca: "Canada (ca)",
};

/** Per project (or subproject) and kind. */
export const MAX_APPS_PER_KIND = 100;
export const MAX_CALLBACK_URL_LENGTH = 2048;

export const appKindSchema = z.enum(APP_KINDS, { error: `must be one of ${APP_KINDS.join(", ")}` });
export const appRegionSchema = z.enum(APP_REGIONS, { error: `must be one of ${APP_REGIONS.join(", ")}` });

/**
 * An absolute http(s) URL, or nothing: "" and null clear it. The scheme is checked on the raw
 * text as well as the parsed URL, because WHATWG parsing forgives "https:host" and strips tabs and
 * newlines ("java\nscript:"), and we store exactly what was typed.
 */
export const callbackUrlSchema = z
  .string({ error: "must be a string" })
  .trim()
  .max(MAX_CALLBACK_URL_LENGTH, `must be at most ${MAX_CALLBACK_URL_LENGTH} characters`)
  .refine((text) => text === "" || isHttpUrl(text), "must be an absolute http:// or https:// URL")
  .nullable()
  .transform((text) => (text ? text : null));

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s\p{Cc}]+$/iu.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const createAppInput = z.object({
  kind: appKindSchema,
  displayName: displayNameSchema,
  region: appRegionSchema,
  callbackUrl: callbackUrlSchema.optional().transform((url) => url ?? null),
});

/** The kind is fixed at creation: it decides the ID's shape and which number settings may point at the app. */
export const updateAppInput = z
  .object({
    displayName: displayNameSchema.optional(),
    region: appRegionSchema.optional(),
    callbackUrl: callbackUrlSchema.optional(),
    kind: z.never({ error: "cannot be changed: create an app of the other kind instead" }).optional(),
  })
  .refine((v) => v.displayName !== undefined || v.region !== undefined || v.callbackUrl !== undefined, "nothing to update: give displayName, region and/or callbackUrl");

export const listAppsFilter = z.object({
  kind: appKindSchema.optional(),
  q: z.string().trim().max(255, "must be at most 255 characters").optional(),
});

export type CreateAppInput = z.input<typeof createAppInput>;
export type UpdateAppInput = z.input<typeof updateAppInput>;
