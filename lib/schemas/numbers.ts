import { z } from "zod";

/** Regions the platform offers numbers in, with their display names and country calling codes. */
export const NUMBER_REGIONS = {
  US: { name: "United States", callingCode: "1" },
  CA: { name: "Canada", callingCode: "1" },
  GB: { name: "United Kingdom", callingCode: "44" },
  DE: { name: "Germany", callingCode: "49" },
  FR: { name: "France", callingCode: "33" },
  SE: { name: "Sweden", callingCode: "46" },
  AU: { name: "Australia", callingCode: "61" },
} as const;
export type RegionCode = keyof typeof NUMBER_REGIONS;
export const REGION_CODES = Object.keys(NUMBER_REGIONS) as [RegionCode, ...RegionCode[]];

export const NUMBER_TYPES = ["MOBILE", "LOCAL", "TOLL_FREE"] as const;
export const CAPABILITIES = ["SMS", "VOICE"] as const;
export const SEARCH_PATTERNS = ["START", "CONTAINS", "END"] as const;
export const VOICE_TYPES = ["RTC", "EST", "FAX"] as const;
export const ACTIVE_NUMBER_ORDER = ["phoneNumber", "displayName"] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type SearchPattern = (typeof SEARCH_PATTERNS)[number];
export type VoiceType = (typeof VOICE_TYPES)[number];

export const E164 = /^\+[1-9][0-9]{6,14}$/;
export const e164Schema = z.string({ error: "is required" }).regex(E164, "must be an E.164 phone number with a leading + (e.g. +12025550134)");

export const regionCodeSchema = z
  .string({ error: "is required" })
  .trim()
  .toUpperCase()
  .pipe(z.enum(REGION_CODES, { error: `must be a region numbers are offered in: ${REGION_CODES.join(", ")}` }));
export const numberTypeSchema = z.enum(NUMBER_TYPES, { error: "must be MOBILE, LOCAL or TOLL_FREE" });
export const capabilitySchema = z.enum(CAPABILITIES, { error: "must be SMS or VOICE" });

/**
 * Digits to search for, optionally with a leading "+". Query strings decode a raw "+" as a space
 * (the official SDK does not encode it), so a leading space followed by digits is read as "+".
 */
export const digitPatternSchema = z.preprocess(
  (v) => (typeof v === "string" && /^ [0-9]/.test(v) ? `+${v.slice(1)}` : v),
  z.string().trim().regex(/^\+?[0-9]{1,15}$/, "must be 1–15 digits, optionally with a leading +"),
);
export const searchPatternSchema = z.preprocess(
  // The SDK's documentation spells it CONTAIN; accept both.
  (v) => (v === "CONTAIN" ? "CONTAINS" : v),
  z.enum(SEARCH_PATTERNS, { error: "must be START, CONTAINS or END" }),
);
export const numberPatternSchema = z.object({ pattern: digitPatternSchema.optional(), searchPattern: searchPatternSchema.optional() });
export type NumberPattern = z.infer<typeof numberPatternSchema>;

// IDs of apps (SMS service plans are 32 hex, voice apps UUIDs); "" clears the link.
const appIdSchema = z.string({ error: "is required" }).trim().max(64, "must be at most 64 characters").regex(/^[A-Za-z0-9-]*$/, "must be an app ID");

export const smsConfigurationSchema = z.object({
  servicePlanId: appIdSchema,
  campaignId: z.string().trim().max(64, "must be at most 64 characters").regex(/^[A-Za-z0-9_-]*$/, "must be letters, digits, - or _").optional(),
});
export const voiceConfigurationSchema = z.object({
  type: z.enum(VOICE_TYPES, { error: "must be RTC, EST or FAX" }).default("RTC"),
  appId: appIdSchema.optional(),
});

export const callbackUrlSchema = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine((v) => v === "" || isHttpUrl(v), "must be an http:// or https:// URL");

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

/** Configuration sent when renting; null or "" clears a setting. */
export const numberConfigurationInput = z.object({
  smsConfiguration: smsConfigurationSchema.nullish(),
  voiceConfiguration: voiceConfigurationSchema.nullish(),
  callbackUrl: callbackUrlSchema.nullish(),
});
export const rentNumberInput = numberConfigurationInput;
export const rentAnyNumberInput = numberConfigurationInput.extend({
  regionCode: regionCodeSchema,
  type: numberTypeSchema,
  numberPattern: numberPatternSchema.optional(),
  capabilities: z.array(capabilitySchema).max(2, "must list at most SMS and VOICE").optional(),
});
export const updateActiveNumberInput = numberConfigurationInput.extend({
  displayName: z.string().trim().max(255, "must be at most 255 characters").nullish(),
});

export const searchAvailableNumbersInput = z.object({
  regionCode: regionCodeSchema,
  type: numberTypeSchema,
  numberPattern: numberPatternSchema.optional(),
  capabilities: z.array(capabilitySchema).max(2, "must list at most SMS and VOICE").optional(),
  size: z.number().int().min(1, "must be 1–100").max(100, "must be 1–100").default(100),
});

export const listActiveNumbersInput = z.object({
  regionCode: regionCodeSchema.optional(),
  type: numberTypeSchema.optional(),
  numberPattern: numberPatternSchema.optional(),
  capability: capabilitySchema.optional(),
  pageSize: z.number().int().min(1, "must be 1–1000").max(1000, "must be 1–1000").default(100),
  pageToken: z.string().max(2000).nullish(),
  orderBy: z.enum(ACTIVE_NUMBER_ORDER, { error: "must be phoneNumber or displayName" }).default("phoneNumber"),
});

export const listAvailableRegionsInput = z.object({ types: z.array(numberTypeSchema).max(3).optional() });

export const updateCallbackConfigurationInput = z.object({
  hmacSecret: z.string().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
});
