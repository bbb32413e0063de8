import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { apps, type AppKind } from "@/db/schema";
import type { Capability, VoiceType } from "@/lib/schemas/numbers";
import { DomainError, type FieldViolation } from "./errors";

/** The assignment columns a rent or update writes; undefined leaves a column as it is. */
export interface NumberSettings {
  displayName?: string | null;
  smsServicePlanId?: string | null;
  smsCampaignId?: string | null;
  voiceType?: VoiceType | null;
  voiceAppId?: string | null;
  callbackUrl?: string | null;
}

interface ConfigInput {
  displayName?: string | null;
  smsConfiguration?: { servicePlanId: string; campaignId?: string } | null;
  voiceConfiguration?: { type: VoiceType; appId?: string } | null;
  callbackUrl?: string | null;
}

/** Request shapes → columns. Absent means "unchanged"; null or "" means "clear". */
export function settingsFrom(input: ConfigInput): NumberSettings {
  const s: NumberSettings = {};
  if (input.displayName !== undefined) s.displayName = input.displayName || null;
  if (input.smsConfiguration !== undefined) {
    const plan = input.smsConfiguration?.servicePlanId || null;
    s.smsServicePlanId = plan;
    s.smsCampaignId = plan ? input.smsConfiguration?.campaignId || null : null;
  }
  if (input.voiceConfiguration !== undefined) {
    // Voice routing here is always through a Voice app: without one there is nothing to route to.
    s.voiceAppId = input.voiceConfiguration?.appId || null;
    s.voiceType = s.voiceAppId ? (input.voiceConfiguration?.type ?? "RTC") : null;
  }
  if (input.callbackUrl !== undefined) s.callbackUrl = input.callbackUrl || null;
  return s;
}

/** The capabilities a configuration needs from the number it is applied to. */
export function capabilitiesNeeded(s: NumberSettings): Capability[] {
  return [...(s.smsServicePlanId ? (["SMS"] as const) : []), ...(s.voiceAppId ? (["VOICE"] as const) : [])];
}

const KIND_LABEL: Record<AppKind, string> = { sms_service_plan: "an SMS service plan", voice: "a Voice app", conversation: "a Conversation app", verification: "a Verification app" };

/**
 * Checks that linked apps are of the right kind and hosted by the same project or subproject as
 * the number (the composite foreign key is the backstop for the project). Another project's app
 * gets the same answer as an absent one, so IDs of other tenants leak nothing.
 */
export async function checkSettings(tx: Transaction, projectId: string, s: NumberSettings, numberCapabilities?: readonly string[]): Promise<void> {
  const violations: FieldViolation[] = [];
  const ids = [s.smsServicePlanId, s.voiceAppId].filter((id): id is string => !!id);
  const found = ids.length ? await tx.select({ id: apps.id, kind: apps.kind }).from(apps).where(and(eq(apps.projectId, projectId), inArray(apps.id, ids))) : [];
  const kindOf = new Map(found.map((a) => [a.id, a.kind]));
  const expect = (id: string | null | undefined, kind: AppKind, field: string) => {
    if (!id) return;
    const actual = kindOf.get(id);
    if (!actual) violations.push({ field, description: `no ${KIND_LABEL[kind].replace(/^an? /, "")} with ID ${id} in this project` });
    else if (actual !== kind) violations.push({ field, description: `${id} is ${KIND_LABEL[actual]}, not ${KIND_LABEL[kind]}` });
  };
  expect(s.smsServicePlanId, "sms_service_plan", "smsConfiguration.servicePlanId");
  expect(s.voiceAppId, "voice", "voiceConfiguration.appId");
  if (numberCapabilities) {
    if (s.smsServicePlanId && !numberCapabilities.includes("SMS")) violations.push({ field: "smsConfiguration", description: "the number has no SMS capability" });
    if (s.voiceAppId && !numberCapabilities.includes("VOICE")) violations.push({ field: "voiceConfiguration", description: "the number has no VOICE capability" });
  }
  if (violations.length) {
    throw new DomainError("FAILED_PRECONDITION", `Invalid number configuration: ${violations.map((v) => `${v.field}: ${v.description}`).join("; ")}`, violations);
  }
}

/** What an audit row keeps of a number's configuration. */
export function auditSettings(row: NumberSettings) {
  return {
    displayName: row.displayName ?? null,
    smsServicePlanId: row.smsServicePlanId ?? null,
    smsCampaignId: row.smsCampaignId ?? null,
    voiceType: row.voiceType ?? null,
    voiceAppId: row.voiceAppId ?? null,
    callbackUrl: row.callbackUrl ?? null,
  };
}

export interface LinkableApp {
  id: string;
  kind: "sms_service_plan" | "voice";
  displayName: string;
}

/** The apps a node's numbers may link to: its own SMS service plans and Voice apps. */
export async function listLinkableApps(projectId: string): Promise<LinkableApp[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: apps.id, kind: apps.kind, displayName: apps.displayName })
    .from(apps)
    .where(and(eq(apps.projectId, projectId), inArray(apps.kind, ["sms_service_plan", "voice"])))
    .orderBy(asc(apps.kind), asc(apps.displayName))
    .limit(500);
  return rows as LinkableApp[];
}
