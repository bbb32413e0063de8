import { z } from "zod";
import { and, arrayContains, asc, count, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { accounts, phoneNumbers, projects, type NumberType, type PhoneNumber } from "@/db/schema";
import {
  NUMBER_REGIONS,
  listActiveNumbersInput,
  listAvailableRegionsInput,
  searchAvailableNumbersInput,
  e164Schema,
  type Capability,
  type NumberPattern,
  type RegionCode,
  type VoiceType,
} from "@/lib/schemas/numbers";
import { decodeCursor, encodeCursor } from "./cursor";
import { DomainError } from "./errors";
import type { Money } from "./money";
import { parseInput } from "./validate";

export interface AvailableNumberView {
  phoneNumber: string;
  regionCode: string;
  type: NumberType;
  capabilities: Capability[];
  setupPrice: Money;
  monthlyPrice: Money;
  paymentIntervalMonths: number;
  supportingDocumentationRequired: boolean;
}

export interface ActiveNumberView {
  phoneNumber: string;
  projectId: string;
  displayName: string | null;
  regionCode: string;
  type: NumberType;
  capabilities: Capability[];
  monthlyPrice: Money;
  paymentIntervalMonths: number;
  rentTime: Date | null;
  nextChargeDate: Date | null;
  expireAt: Date | null;
  smsConfiguration: { servicePlanId: string; campaignId: string | null } | null;
  voiceConfiguration: { type: VoiceType; appId: string | null; lastUpdatedTime: Date | null } | null;
  callbackUrl: string | null;
}

export interface AvailableRegionView {
  regionCode: string;
  regionName: string;
  types: NumberType[];
}

/** The project or subproject hosting numbers, with the currency every price is shown in. */
export interface NumberHost {
  id: string;
  accountId: string;
  parentId: string | null;
  suspended: boolean;
  currency: string;
}

/** A live node and its account's currency; deleted or absent nodes are NOT_FOUND. */
export async function numberHost(db: Database | Transaction, projectId: string): Promise<NumberHost> {
  const [row] = await db
    .select({ id: projects.id, accountId: projects.accountId, parentId: projects.parentId, deletedAt: projects.deletedAt, suspendedAt: projects.suspendedAt, currency: accounts.currency })
    .from(projects)
    .innerJoin(accounts, eq(accounts.id, projects.accountId))
    .where(eq(projects.id, projectId));
  if (!row || row.deletedAt) throw new DomainError("NOT_FOUND", `Project ${projectId} not found`);
  return { id: row.id, accountId: row.accountId, parentId: row.parentId, suspended: row.suspendedAt !== null, currency: row.currency };
}

export function toAvailableView(row: PhoneNumber, currency: string): AvailableNumberView {
  return {
    phoneNumber: row.phoneNumber,
    regionCode: row.regionCode,
    type: row.type,
    capabilities: row.capabilities as Capability[],
    setupPrice: { currency, minor: row.setupPriceMinor },
    monthlyPrice: { currency, minor: row.monthlyPriceMinor },
    paymentIntervalMonths: row.paymentIntervalMonths,
    supportingDocumentationRequired: row.supportingDocumentationRequired,
  };
}

export function toActiveView(row: PhoneNumber, currency: string): ActiveNumberView {
  return {
    phoneNumber: row.phoneNumber,
    projectId: row.projectId!,
    displayName: row.displayName,
    regionCode: row.regionCode,
    type: row.type,
    capabilities: row.capabilities as Capability[],
    monthlyPrice: { currency, minor: row.monthlyPriceMinor },
    paymentIntervalMonths: row.paymentIntervalMonths,
    rentTime: row.rentedAt,
    nextChargeDate: row.nextChargeAt,
    expireAt: row.expireAt,
    smsConfiguration: row.smsServicePlanId ? { servicePlanId: row.smsServicePlanId, campaignId: row.smsCampaignId } : null,
    voiceConfiguration: row.voiceType || row.voiceAppId ? { type: row.voiceType ?? "RTC", appId: row.voiceAppId, lastUpdatedTime: row.voiceUpdatedAt } : null,
    callbackUrl: row.callbackUrl,
  };
}

/**
 * A digit pattern as SQL. START with a leading "+" matches the E.164 prefix (the upstream API's
 * documented form, e.g. "+1206"); without it, the digits may also follow the country code, so
 * "206" finds +1 206 numbers as a person expects.
 */
export function patternCondition(pattern: NumberPattern | undefined): SQL | undefined {
  if (!pattern?.pattern) return undefined;
  const digits = pattern.pattern.replace(/^\+/, "");
  const n = phoneNumbers.phoneNumber;
  switch (pattern.searchPattern ?? "CONTAINS") {
    case "START":
      if (pattern.pattern.startsWith("+")) return like(n, `+${digits}%`);
      return or(like(n, `+${digits}%`), sql`${n} like (${callingCodePrefix()} || ${`${digits}%`})`);
    case "END":
      return like(n, `%${digits}`);
    default:
      return like(n, `%${digits}%`);
  }
}

/** `'+' || calling code` of each row's region, from the region catalogue. */
function callingCodePrefix(): SQL {
  const cases = Object.entries(NUMBER_REGIONS).map(([code, r]) => sql`when ${code} then ${`+${r.callingCode}`}`);
  return sql`(case ${phoneNumbers.regionCode} ${sql.join(cases, sql` `)} else '+' end)`;
}

/** Regions with numbers in stock, and the types in stock there (optionally only some types). */
export async function listAvailableRegions(input: unknown = {}): Promise<AvailableRegionView[]> {
  const { types } = parseInput(listAvailableRegionsInput, input);
  const db = await getDb();
  const rows = await db
    .selectDistinct({ regionCode: phoneNumbers.regionCode, type: phoneNumbers.type })
    .from(phoneNumbers)
    .where(and(isNull(phoneNumbers.projectId), types?.length ? inArray(phoneNumbers.type, types) : undefined));
  const byRegion = new Map<string, Set<NumberType>>();
  for (const row of rows) byRegion.set(row.regionCode, (byRegion.get(row.regionCode) ?? new Set()).add(row.type));
  const typeOrder: NumberType[] = ["MOBILE", "LOCAL", "TOLL_FREE"];
  return [...byRegion.entries()]
    .map(([regionCode, set]) => ({ regionCode, regionName: NUMBER_REGIONS[regionCode as RegionCode]?.name ?? regionCode, types: typeOrder.filter((t) => set.has(t)) }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** Unrented stock matching a search: what `availableNumbers` lists and `:rentAny` takes from. */
export function inStockCondition(q: { regionCode: RegionCode; type: NumberType; numberPattern?: NumberPattern }, capabilities: readonly Capability[] | undefined): SQL | undefined {
  return and(
    isNull(phoneNumbers.projectId),
    eq(phoneNumbers.regionCode, q.regionCode),
    eq(phoneNumbers.type, q.type),
    patternCondition(q.numberPattern),
    capabilities?.length ? arrayContains(phoneNumbers.capabilities, [...capabilities]) : undefined,
  );
}

/** Numbers in stock in one region and type, priced in the host's currency (at most 100). */
export async function searchAvailableNumbers(projectId: string, input: unknown): Promise<AvailableNumberView[]> {
  const q = parseInput(searchAvailableNumbersInput, input);
  const db = await getDb();
  const host = await numberHost(db, projectId);
  const rows = await db
    .select()
    .from(phoneNumbers)
    .where(inStockCondition(q, q.capabilities))
    .orderBy(asc(phoneNumbers.phoneNumber))
    .limit(q.size);
  return rows.map((row) => toAvailableView(row, host.currency));
}

/** A phone number from a path or form, as INVALID_ARGUMENT on field "phoneNumber" when it is not E.164. */
export function parsePhoneNumber(value: unknown): string {
  return parseInput(z.object({ phoneNumber: e164Schema }), { phoneNumber: value }).phoneNumber;
}

/** One number, if it is in stock; NOT_FOUND when it is rented or not offered at all. */
export async function checkAvailability(projectId: string, phoneNumber: string): Promise<AvailableNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const db = await getDb();
  const host = await numberHost(db, projectId);
  const [row] = await db.select().from(phoneNumbers).where(and(eq(phoneNumbers.phoneNumber, number), isNull(phoneNumbers.projectId)));
  if (!row) throw new DomainError("NOT_FOUND", `Number ${number} is not available`);
  return toAvailableView(row, host.currency);
}

/** A number rented by this project or subproject; anyone else's number is NOT_FOUND, exactly like an absent one. */
export async function getActiveNumber(projectId: string, phoneNumber: string): Promise<ActiveNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const db = await getDb();
  const host = await numberHost(db, projectId);
  const [row] = await db.select().from(phoneNumbers).where(and(eq(phoneNumbers.phoneNumber, number), eq(phoneNumbers.projectId, projectId)));
  if (!row) throw new DomainError("NOT_FOUND", `Active number ${number} not found in project ${projectId}`);
  return toActiveView(row, host.currency);
}

/**
 * The numbers one project or subproject rents, a keyset page at a time, with the filtered total.
 * Both queries stay inside the project's slice of the partial index, whatever the inventory size.
 */
export async function listActiveNumbers(projectId: string, input: unknown = {}): Promise<{ activeNumbers: ActiveNumberView[]; nextPageToken: string; totalSize: number }> {
  const q = parseInput(listActiveNumbersInput, input);
  const after = decodeCursor(q.pageToken, 3);
  if (q.pageToken && (!after || after[0] !== q.orderBy)) throw new DomainError("INVALID_ARGUMENT", "Invalid pageToken", [{ field: "pageToken", description: "is not a token from this list and order" }]);
  const db = await getDb();
  const host = await numberHost(db, projectId);
  const filters = and(
    eq(phoneNumbers.projectId, projectId),
    q.regionCode ? eq(phoneNumbers.regionCode, q.regionCode) : undefined,
    q.type ? eq(phoneNumbers.type, q.type) : undefined,
    patternCondition(q.numberPattern),
    q.capability ? arrayContains(phoneNumbers.capabilities, [q.capability]) : undefined,
  );
  const name = sql`coalesce(${phoneNumbers.displayName}, '')`;
  const keyset = !after
    ? undefined
    : q.orderBy === "displayName"
      ? sql`(${name}, ${phoneNumbers.phoneNumber}) > (${after[1]}, ${after[2]})`
      : sql`${phoneNumbers.phoneNumber} > ${after[2]}`;
  const order = q.orderBy === "displayName" ? [asc(name), asc(phoneNumbers.phoneNumber)] : [asc(phoneNumbers.phoneNumber)];
  const [rows, [total]] = await Promise.all([
    db.select().from(phoneNumbers).where(and(filters, keyset)).orderBy(...order).limit(q.pageSize + 1),
    db.select({ n: count() }).from(phoneNumbers).where(filters),
  ]);
  const items = rows.slice(0, q.pageSize);
  const last = items[items.length - 1];
  const nextPageToken = rows.length > q.pageSize && last ? encodeCursor([q.orderBy, q.orderBy === "displayName" ? (last.displayName ?? "") : "", last.phoneNumber]) : "";
  return { activeNumbers: items.map((row) => toActiveView(row, host.currency)), nextPageToken, totalSize: Number(total?.n ?? 0) };
}
