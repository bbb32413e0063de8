import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { phoneNumbers, type NumberType } from "@/db/schema";
import type { Capability, RegionCode } from "@/lib/schemas/numbers";
import { cliActor, type Actor } from "./actor";
import { rentAnyNumber } from "./number-rentals";
import type { ActiveNumberView } from "./numbers";
import { prng } from "@/lib/prng";

/** One block of the catalogue: numbers under some prefixes, with one price list. */
interface RangeSpec {
  region: RegionCode;
  type: NumberType;
  /** E.164 prefixes (country code and area / mobile code). */
  prefixes: string[];
  /** Digits after the prefix; the first is drawn from `lead`, so no range starts with 0 or 1. */
  digits: number;
  lead?: string;
  count: number;
  /** Cycled through, so most numbers do both and some only one. */
  capabilities: Capability[][];
  setupMinor: number;
  monthlyMinor: number;
  documentation?: boolean;
}

const BOTH: Capability[] = ["SMS", "VOICE"];
const VOICE: Capability[] = ["VOICE"];
const SMS: Capability[] = ["SMS"];

/** A few thousand numbers in seven regions, priced by region and type like a real carrier's list. */
const CATALOGUE: RangeSpec[] = [
  { region: "US", type: "LOCAL", prefixes: ["+1202", "+1212", "+1312", "+1415", "+1617", "+1646", "+1305", "+1512", "+1206", "+1303", "+1404", "+1702"], digits: 7, count: 1200, capabilities: [BOTH, BOTH, BOTH, VOICE], setupMinor: 100, monthlyMinor: 200 },
  { region: "US", type: "TOLL_FREE", prefixes: ["+1800", "+1833", "+1844", "+1855"], digits: 7, count: 350, capabilities: [BOTH, VOICE], setupMinor: 200, monthlyMinor: 400 },
  { region: "CA", type: "LOCAL", prefixes: ["+1416", "+1604", "+1514", "+1403", "+1613"], digits: 7, count: 400, capabilities: [BOTH, BOTH, VOICE], setupMinor: 100, monthlyMinor: 250 },
  { region: "CA", type: "TOLL_FREE", prefixes: ["+1866", "+1877", "+1888"], digits: 7, count: 150, capabilities: [BOTH, VOICE], setupMinor: 200, monthlyMinor: 450 },
  { region: "GB", type: "MOBILE", prefixes: ["+447"], digits: 9, lead: "45789", count: 500, capabilities: [BOTH, BOTH, SMS], setupMinor: 150, monthlyMinor: 125 },
  { region: "GB", type: "LOCAL", prefixes: ["+4420", "+44161", "+44113"], digits: 7, count: 400, capabilities: [VOICE, VOICE, BOTH], setupMinor: 100, monthlyMinor: 100 },
  { region: "GB", type: "TOLL_FREE", prefixes: ["+44800"], digits: 7, count: 100, capabilities: [VOICE], setupMinor: 500, monthlyMinor: 600 },
  { region: "DE", type: "MOBILE", prefixes: ["+49151", "+49160", "+49170", "+49176"], digits: 8, count: 350, capabilities: [BOTH, SMS], setupMinor: 300, monthlyMinor: 350, documentation: true },
  { region: "DE", type: "LOCAL", prefixes: ["+4930", "+4989", "+4940"], digits: 8, count: 350, capabilities: [VOICE], setupMinor: 200, monthlyMinor: 150, documentation: true },
  { region: "DE", type: "TOLL_FREE", prefixes: ["+49800"], digits: 7, count: 100, capabilities: [VOICE], setupMinor: 1000, monthlyMinor: 800, documentation: true },
  { region: "FR", type: "MOBILE", prefixes: ["+336", "+337"], digits: 8, count: 350, capabilities: [BOTH, BOTH, SMS], setupMinor: 250, monthlyMinor: 300, documentation: true },
  { region: "FR", type: "LOCAL", prefixes: ["+331", "+334"], digits: 8, count: 300, capabilities: [VOICE], setupMinor: 150, monthlyMinor: 120, documentation: true },
  { region: "FR", type: "TOLL_FREE", prefixes: ["+33800"], digits: 6, count: 80, capabilities: [VOICE], setupMinor: 900, monthlyMinor: 750, documentation: true },
  { region: "SE", type: "MOBILE", prefixes: ["+4670", "+4672", "+4673"], digits: 7, count: 350, capabilities: [BOTH, BOTH, SMS], setupMinor: 100, monthlyMinor: 180 },
  { region: "SE", type: "LOCAL", prefixes: ["+468", "+4631"], digits: 7, count: 250, capabilities: [VOICE, BOTH], setupMinor: 100, monthlyMinor: 110 },
  { region: "AU", type: "MOBILE", prefixes: ["+614"], digits: 8, count: 300, capabilities: [BOTH, SMS], setupMinor: 200, monthlyMinor: 500, documentation: true },
  { region: "AU", type: "LOCAL", prefixes: ["+612", "+613"], digits: 8, count: 250, capabilities: [VOICE, BOTH], setupMinor: 150, monthlyMinor: 300, documentation: true },
  { region: "AU", type: "TOLL_FREE", prefixes: ["+611800"], digits: 6, count: 80, capabilities: [VOICE], setupMinor: 800, monthlyMinor: 1000, documentation: true },
];

export type InventoryRow = typeof phoneNumbers.$inferInsert;

/** The whole catalogue as rows, deterministic and free of duplicates (US and CA share +1). */
export function generateInventory(): InventoryRow[] {
  const seen = new Set<string>();
  const rows: InventoryRow[] = [];
  CATALOGUE.forEach((spec, specIndex) => {
    const random = prng(0x5eed + specIndex);
    const lead = spec.lead ?? "23456789";
    for (let made = 0, attempt = 0; made < spec.count && attempt < spec.count * 20; attempt++) {
      const prefix = spec.prefixes[made % spec.prefixes.length]!;
      let rest = lead[Math.floor(random() * lead.length)]!;
      while (rest.length < spec.digits) rest += Math.floor(random() * 10);
      const phoneNumber = prefix + rest;
      if (seen.has(phoneNumber)) continue;
      seen.add(phoneNumber);
      rows.push({
        phoneNumber,
        regionCode: spec.region,
        type: spec.type,
        capabilities: spec.capabilities[made % spec.capabilities.length]!,
        setupPriceMinor: spec.setupMinor,
        monthlyPriceMinor: spec.monthlyMinor,
        paymentIntervalMonths: 1,
        supportingDocumentationRequired: spec.documentation ?? false,
      });
      made++;
    }
  });
  return rows;
}

const BATCH = 500;

/**
 * Stocks the number inventory once: only when `phone_numbers` is empty. Safe when several
 * processes start together: each batch is `insert … on conflict do nothing`, so the loser of a
 * race inserts nothing and nobody fails.
 */
export async function ensureNumberInventory(): Promise<{ inserted: number }> {
  const db = await getDb();
  const [any] = await db.select({ n: sql<number>`1` }).from(phoneNumbers).limit(1);
  if (any) return { inserted: 0 };
  const rows = generateInventory();
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const done = await tx.insert(phoneNumbers).values(rows.slice(i, i + BATCH)).onConflictDoNothing().returning({ n: phoneNumbers.phoneNumber });
      inserted += done.length;
    }
  });
  return { inserted };
}

const DEMO_PICKS = [
  { regionCode: "US", type: "LOCAL" },
  { regionCode: "GB", type: "MOBILE" },
  { regionCode: "SE", type: "MOBILE" },
  { regionCode: "DE", type: "LOCAL" },
] as const;

/**
 * Rents one number into each given subproject (the demo seed's showcase), cycling regions.
 * Subprojects that already have a number are left alone, so running it twice changes nothing.
 */
export async function seedDemoNumbers(subprojectIds: string[], actor: Actor = cliActor): Promise<ActiveNumberView[]> {
  const db = await getDb();
  const rented: ActiveNumberView[] = [];
  for (const [i, projectId] of subprojectIds.entries()) {
    const [existing] = await db.select({ n: phoneNumbers.phoneNumber }).from(phoneNumbers).where(eq(phoneNumbers.projectId, projectId)).limit(1);
    if (existing) continue;
    rented.push(await rentAnyNumber(actor, projectId, DEMO_PICKS[i % DEMO_PICKS.length]!));
  }
  return rented;
}
