import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { phoneNumbers, type PhoneNumber } from "@/db/schema";
import { rentAnyNumberInput, rentNumberInput, updateActiveNumberInput } from "@/lib/schemas/numbers";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError, sqlState } from "./errors";
import { auditSettings, capabilitiesNeeded, checkSettings, settingsFrom, type NumberSettings } from "./number-config";
import { auditPlacement } from "./nodes";
import { inStockCondition, numberHost, parsePhoneNumber, toActiveView, type ActiveNumberView, type NumberHost } from "./numbers";
import { recordUsage, usagePlacement } from "./usage";
import { parseInput } from "./validate";

/** A host that may take changes: live (else NOT_FOUND) and not suspended. */
async function writableHost(tx: Transaction, projectId: string): Promise<NumberHost> {
  const host = await numberHost(tx, projectId);
  if (host.suspended) throw new DomainError("FAILED_PRECONDITION", `Project ${projectId} is suspended`);
  return host;
}

/** Columns a rent sets: every assignment column, so nothing of a previous tenant survives. */
function assignment(projectId: string, s: NumberSettings) {
  return {
    projectId,
    rentedAt: sql`now()`,
    nextChargeAt: sql`now() + make_interval(months => ${phoneNumbers.paymentIntervalMonths})`,
    expireAt: null,
    displayName: null,
    smsServicePlanId: s.smsServicePlanId ?? null,
    smsCampaignId: s.smsCampaignId ?? null,
    voiceType: s.voiceType ?? null,
    voiceAppId: s.voiceAppId ?? null,
    voiceUpdatedAt: s.voiceAppId ? sql`now()` : null,
    callbackUrl: s.callbackUrl ?? null,
    updatedAt: sql`now()`,
  };
}

/** Setup fee and first period, billed to the renting node in the account's currency, plus the audit row. */
async function recordRental(tx: Transaction, actor: Actor, host: NumberHost, row: PhoneNumber): Promise<void> {
  const common = { accountId: host.accountId, ...usagePlacement(host), currency: host.currency, reference: row.phoneNumber, occurredAt: row.rentedAt ?? new Date() };
  await recordUsage(tx, { ...common, product: "number_setup", quantity: 1, unitPriceMinor: row.setupPriceMinor });
  await recordUsage(tx, { ...common, product: "number_monthly", quantity: row.paymentIntervalMonths, unitPriceMinor: row.monthlyPriceMinor });
  await recordAudit(tx, actor, {
    accountId: host.accountId,
    ...auditPlacement(host),
    action: "number.rented",
    targetType: "phoneNumber",
    targetId: row.phoneNumber,
    after: { regionCode: row.regionCode, type: row.type, setupPriceMinor: row.setupPriceMinor, monthlyPriceMinor: row.monthlyPriceMinor, currency: host.currency, ...auditSettings(row) },
  });
}

/** A linked app deleted between our check and the write still cannot be linked: the composite key refuses it. */
function linkRaceToDomain(error: unknown): never {
  if (sqlState(error) === "23503") throw new DomainError("FAILED_PRECONDITION", "A linked app no longer exists in this project");
  throw error;
}

/**
 * Rents one specific number. The conditional UPDATE (`… where project_id is null`) is the
 * arbiter: of two concurrent renters exactly one gets the row, the other a FAILED_PRECONDITION.
 */
export async function rentNumber(actor: Actor, projectId: string, phoneNumber: unknown, input: unknown = {}): Promise<ActiveNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const settings = settingsFrom(parseInput(rentNumberInput, input));
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const host = await writableHost(tx, projectId);
      const [offered] = await tx.select({ capabilities: phoneNumbers.capabilities }).from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, number));
      if (!offered) throw new DomainError("NOT_FOUND", `Number ${number} is not available`);
      await checkSettings(tx, projectId, settings, offered.capabilities);
      const [row] = await tx
        .update(phoneNumbers)
        .set(assignment(projectId, settings))
        .where(and(eq(phoneNumbers.phoneNumber, number), isNull(phoneNumbers.projectId)))
        .returning();
      if (!row) throw new DomainError("FAILED_PRECONDITION", `Number ${number} is no longer available`);
      await recordRental(tx, actor, host, row);
      return toActiveView(row, host.currency);
    })
    .catch(linkRaceToDomain);
}

/**
 * Rents the first number in stock that matches. `for update skip locked` lets concurrent callers
 * each take a different row instead of queueing on (and then losing) the same one.
 */
export async function rentAnyNumber(actor: Actor, projectId: string, input: unknown): Promise<ActiveNumberView> {
  const q = parseInput(rentAnyNumberInput, input);
  const settings = settingsFrom(q);
  // A number must be able to carry the configuration it is rented with.
  const needed = [...new Set([...(q.capabilities ?? []), ...capabilitiesNeeded(settings)])];
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const host = await writableHost(tx, projectId);
      await checkSettings(tx, projectId, settings);
      const pick = tx
        .select({ phoneNumber: phoneNumbers.phoneNumber })
        .from(phoneNumbers)
        .where(inStockCondition(q, needed))
        .orderBy(asc(phoneNumbers.phoneNumber))
        .limit(1)
        .for("update", { skipLocked: true });
      const [row] = await tx
        .update(phoneNumbers)
        .set(assignment(projectId, settings))
        .where(and(inArray(phoneNumbers.phoneNumber, pick), isNull(phoneNumbers.projectId)))
        .returning();
      if (!row) throw new DomainError("NOT_FOUND", `No ${q.type} number in ${q.regionCode} matching the criteria is available`);
      await recordRental(tx, actor, host, row);
      return toActiveView(row, host.currency);
    })
    .catch(linkRaceToDomain);
}

/** Changes a rented number's name, SMS / voice links or callback URL (absent fields stay as they are). */
export async function updateActiveNumber(actor: Actor, projectId: string, phoneNumber: unknown, input: unknown): Promise<ActiveNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const settings = settingsFrom(parseInput(updateActiveNumberInput, input));
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const host = await writableHost(tx, projectId);
      const [before] = await tx.select().from(phoneNumbers).where(and(eq(phoneNumbers.phoneNumber, number), eq(phoneNumbers.projectId, projectId))).for("update");
      if (!before) throw new DomainError("NOT_FOUND", `Active number ${number} not found in project ${projectId}`);
      await checkSettings(tx, projectId, settings, before.capabilities);
      const voiceChanged = settings.voiceAppId !== undefined && (settings.voiceAppId !== before.voiceAppId || settings.voiceType !== before.voiceType);
      const [row] = await tx
        .update(phoneNumbers)
        .set({ ...settings, ...(voiceChanged ? { voiceUpdatedAt: sql`now()` } : {}), updatedAt: sql`now()` })
        .where(eq(phoneNumbers.phoneNumber, number))
        .returning();
      await recordAudit(tx, actor, {
        accountId: host.accountId,
        ...auditPlacement(host),
        action: "number.updated",
        targetType: "phoneNumber",
        targetId: number,
        before: auditSettings(before),
        after: auditSettings(row!),
      });
      return toActiveView(row!, host.currency);
    })
    .catch(linkRaceToDomain);
}

/** Returns a number to inventory, clearing every assignment column; answers with the number as it was. */
export async function releaseNumber(actor: Actor, projectId: string, phoneNumber: unknown): Promise<ActiveNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const host = await writableHost(tx, projectId);
    const [before] = await tx.select().from(phoneNumbers).where(and(eq(phoneNumbers.phoneNumber, number), eq(phoneNumbers.projectId, projectId))).for("update");
    if (!before) throw new DomainError("NOT_FOUND", `Active number ${number} not found in project ${projectId}`);
    const [released] = await tx
      .update(phoneNumbers)
      .set({
        projectId: null,
        rentedAt: null,
        displayName: null,
        nextChargeAt: null,
        expireAt: null,
        smsServicePlanId: null,
        smsCampaignId: null,
        voiceType: null,
        voiceAppId: null,
        voiceUpdatedAt: null,
        callbackUrl: null,
        updatedAt: sql`now()`,
      })
      .where(eq(phoneNumbers.phoneNumber, number))
      .returning({ at: phoneNumbers.updatedAt });
    await recordAudit(tx, actor, { accountId: host.accountId, ...auditPlacement(host), action: "number.released", targetType: "phoneNumber", targetId: number, before: { regionCode: before.regionCode, type: before.type, ...auditSettings(before) } });
    return { ...toActiveView(before, host.currency), expireAt: released!.at };
  });
}
