import { z } from "zod";
import type { ActiveNumberView, AvailableNumberView, AvailableRegionView } from "@/lib/domain/numbers";
import type { CallbackConfigurationView } from "@/lib/domain/number-callbacks";
import { capabilitySchema, digitPatternSchema, numberTypeSchema, regionCodeSchema, searchPatternSchema } from "@/lib/schemas/numbers";
import { iso, timestamp } from "./common";
import { MoneySchema, wireMoney } from "./money";

// ---- Responses: the shapes of the official SDK's models (@sinch/numbers). ----

export const AvailableRegionSchema = z.object({ regionCode: z.string(), regionName: z.string(), types: z.array(z.string()) }).meta({ id: "AvailableRegion" });

export const AvailableNumberSchema = z
  .object({
    phoneNumber: z.string().describe("E.164 with leading +"),
    regionCode: z.string(),
    type: z.string(),
    capability: z.array(z.string()),
    setupPrice: MoneySchema,
    monthlyPrice: MoneySchema,
    paymentIntervalMonths: z.number().int(),
    supportingDocumentationRequired: z.boolean(),
  })
  .meta({ id: "AvailableNumber" });

export const ActiveNumberSchema = z
  .object({
    phoneNumber: z.string(),
    projectId: z.string(),
    displayName: z.string(),
    regionCode: z.string(),
    type: z.string(),
    capability: z.array(z.string()),
    money: MoneySchema,
    paymentIntervalMonths: z.number().int(),
    nextChargeDate: timestamp.nullable(),
    expireAt: timestamp.nullable(),
    smsConfiguration: z.object({ servicePlanId: z.string(), campaignId: z.string(), scheduledProvisioning: z.null() }),
    voiceConfiguration: z.object({ type: z.string(), appId: z.string(), lastUpdatedTime: timestamp.nullable(), scheduledVoiceProvisioning: z.null() }),
    callbackUrl: z.string(),
  })
  .meta({ id: "ActiveNumber" });

export const CallbackConfigurationSchema = z.object({ projectId: z.string(), hmacSecret: z.string() }).meta({ id: "CallbackConfiguration" });

export function wireAvailableRegion(r: AvailableRegionView): z.infer<typeof AvailableRegionSchema> {
  return { regionCode: r.regionCode, regionName: r.regionName, types: r.types };
}

export function wireAvailableNumber(n: AvailableNumberView): z.infer<typeof AvailableNumberSchema> {
  return {
    phoneNumber: n.phoneNumber,
    regionCode: n.regionCode,
    type: n.type,
    capability: n.capabilities,
    setupPrice: wireMoney(n.setupPrice),
    monthlyPrice: wireMoney(n.monthlyPrice),
    paymentIntervalMonths: n.paymentIntervalMonths,
    supportingDocumentationRequired: n.supportingDocumentationRequired,
  };
}

/** Unset text fields are "" and absent configurations empty objects, as the upstream API answers. */
export function wireActiveNumber(n: ActiveNumberView): z.infer<typeof ActiveNumberSchema> {
  return {
    phoneNumber: n.phoneNumber,
    projectId: n.projectId,
    displayName: n.displayName ?? "",
    regionCode: n.regionCode,
    type: n.type,
    capability: n.capabilities,
    money: wireMoney(n.monthlyPrice),
    paymentIntervalMonths: n.paymentIntervalMonths,
    nextChargeDate: iso(n.nextChargeDate),
    expireAt: iso(n.expireAt),
    smsConfiguration: { servicePlanId: n.smsConfiguration?.servicePlanId ?? "", campaignId: n.smsConfiguration?.campaignId ?? "", scheduledProvisioning: null },
    voiceConfiguration: { type: n.voiceConfiguration?.type ?? "RTC", appId: n.voiceConfiguration?.appId ?? "", lastUpdatedTime: iso(n.voiceConfiguration?.lastUpdatedTime), scheduledVoiceProvisioning: null },
    callbackUrl: n.callbackUrl ?? "",
  };
}

export function wireCallbackConfiguration(c: CallbackConfigurationView): z.infer<typeof CallbackConfigurationSchema> {
  return { projectId: c.projectId, hmacSecret: c.hmacSecret };
}

// ---- Query strings: flat, dotted names as the SDK sends them; mapped to the domain's input. ----

/** A parameter that may repeat (`capabilities=SMS&capabilities=VOICE`) or be comma-separated. */
function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => (typeof s === "string" ? s.split(",").map((x) => x.trim()).filter(Boolean) : [s]))),
    z.array(item).max(10, "too many values").optional(),
  );
}

const countParam = (max: number, fallback: number) => z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, `must be 1–${max}`).max(max, `must be 1–${max}`).default(fallback);

function numberPattern(q: { "numberPattern.pattern"?: string; "numberPattern.searchPattern"?: "START" | "CONTAINS" | "END" }) {
  return q["numberPattern.pattern"] ? { pattern: q["numberPattern.pattern"], searchPattern: q["numberPattern.searchPattern"] } : undefined;
}

export const availableRegionsQuery = z.object({ types: repeated(numberTypeSchema) });

export const availableNumbersQuery = z
  .object({
    regionCode: regionCodeSchema,
    type: numberTypeSchema,
    "numberPattern.pattern": digitPatternSchema.optional(),
    "numberPattern.searchPattern": searchPatternSchema.optional(),
    capabilities: repeated(capabilitySchema),
    size: countParam(100, 100),
  })
  .transform((q) => ({ regionCode: q.regionCode, type: q.type, numberPattern: numberPattern(q), capabilities: q.capabilities, size: q.size }));

export const activeNumbersQuery = z
  .object({
    regionCode: regionCodeSchema.optional(),
    type: numberTypeSchema.optional(),
    "numberPattern.pattern": digitPatternSchema.optional(),
    "numberPattern.searchPattern": searchPatternSchema.optional(),
    capability: capabilitySchema.optional(),
    pageSize: countParam(1000, 100),
    pageToken: z.string().max(2000, "must be at most 2000 characters").optional(),
    orderBy: z.enum(["phoneNumber", "displayName"], { error: "must be phoneNumber or displayName" }).default("phoneNumber"),
  })
  .transform((q) => ({ ...q, numberPattern: numberPattern(q), "numberPattern.pattern": undefined, "numberPattern.searchPattern": undefined }));
