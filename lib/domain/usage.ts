import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { accounts, projects, type UsageProduct } from "@/db/schema";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { dayOf, monthOf } from "./cost-range";
import { DomainError } from "./errors";
import { enforceSpendCap, lockSpendCap, SPEND_CAP_ACTOR } from "./spend-caps";
import { appendLedgerRows } from "./usage-ledger";
import { parseInput } from "./validate";

export interface UsageEntry {
  accountId: string;
  /** The project or subproject the charge belongs to. */
  projectId: string;
  /** Its top-level project (itself for a project). */
  topProjectId: string;
  product: UsageProduct;
  /** Negative for a correction (a new row: the ledger is append-only). */
  quantity: number;
  unitPriceMinor: number;
  /** The account's ISO 4217 currency: billing never leaves the account. */
  currency: string;
  /** What was charged for, e.g. the phone number. */
  reference?: string | null;
  occurredAt?: Date;
}

export interface RecordedUsage {
  usageEventId: number;
  amountMinor: number;
}

/** Where a node's usage is filed: on the node, and under its top-level project for reports. */
export function usagePlacement(node: { id: string; parentId: string | null }) {
  return { projectId: node.id, topProjectId: node.parentId ?? node.id };
}

/** Products metered per event (numbers are charged by the rental verbs at the number's own price). */
export const METERED_PRODUCTS = ["sms", "voice", "verification"] as const;
export type MeteredProduct = (typeof METERED_PRODUCTS)[number];

/**
 * List prices per unit (an SMS message part, a voice minute, a verification) in minor units of
 * the account's currency. Accounts in a currency not listed pay the default row's figures.
 */
export const UNIT_PRICES_MINOR: Record<string, Record<MeteredProduct, number>> = {
  default: { sms: 7, voice: 3, verification: 5 },
  USD: { sms: 8, voice: 3, verification: 5 },
  GBP: { sms: 6, voice: 2, verification: 4 },
};

export function unitPriceMinor(product: MeteredProduct, currency: string): number {
  return (UNIT_PRICES_MINOR[currency] ?? UNIT_PRICES_MINOR.default!)[product];
}

/**
 * Appends one row to the usage ledger and adds it to the daily and monthly rollups, inside the
 * caller's transaction, so a charge commits exactly when the change that causes it does.
 *
 * For a subproject with a spend cap, the cap row is locked FOR UPDATE before the insert: usage
 * of one capped subproject is serialised, so the month total read afterwards includes every
 * earlier event and the event that crosses 80 % / 100 % is the one that sees it crossed.
 */
export async function recordUsage(tx: Transaction, entry: UsageEntry): Promise<RecordedUsage> {
  const occurredAt = entry.occurredAt ?? new Date();
  // Caps are monthly and only the current month can still be stopped: back-dated rows do not trip them.
  const capMonth = monthOf(dayOf(new Date()));
  const capped = entry.projectId !== entry.topProjectId && monthOf(dayOf(occurredAt)) === capMonth;
  const cap = capped ? await lockSpendCap(tx, entry.projectId) : null;
  const { firstId } = await appendLedgerRows(tx, { accountId: entry.accountId, currency: entry.currency }, [
    { projectId: entry.projectId, topProjectId: entry.topProjectId, product: entry.product, quantity: entry.quantity, unitPriceMinor: entry.unitPriceMinor, occurredAt, reference: entry.reference ?? null },
  ]);
  if (cap) await enforceSpendCap(tx, SPEND_CAP_ACTOR, cap, { usageEventId: firstId });
  return { usageEventId: firstId, amountMinor: entry.quantity * entry.unitPriceMinor };
}

const usageEventInput = z.object({
  projectId: nodeIdSchema,
  product: z.enum(METERED_PRODUCTS),
  /** Message parts, minutes or verifications. */
  quantity: z.number().int().min(1).max(1_000_000),
  occurredAt: z.date().optional(),
  reference: z.string().max(255).optional(),
});

/**
 * Records one metered event (SMS, voice minutes, verification) on a project or subproject at
 * the price list's unit price. A suspended node carries no traffic, so its events are refused:
 * once a spend cap suspends a subproject, the events after the crossing one fail.
 */
export async function recordUsageEvent(input: z.input<typeof usageEventInput>): Promise<RecordedUsage> {
  const q = parseInput(usageEventInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Same lock order as recordUsage (cap row, then node), so the suspension check below sees
    // the outcome of every event serialised before this one.
    await lockSpendCap(tx, q.projectId);
    const [node] = await tx
      .select({ id: projects.id, parentId: projects.parentId, accountId: projects.accountId, deletedAt: projects.deletedAt, suspendedAt: projects.suspendedAt, currency: accounts.currency })
      .from(projects)
      .innerJoin(accounts, eq(accounts.id, projects.accountId))
      .where(eq(projects.id, q.projectId));
    if (!node || node.deletedAt) throw new DomainError("NOT_FOUND", `Project ${q.projectId} not found`);
    if (node.suspendedAt) throw new DomainError("FAILED_PRECONDITION", `Project ${q.projectId} is suspended`);
    return recordUsage(tx, {
      accountId: node.accountId,
      ...usagePlacement(node),
      product: q.product,
      quantity: q.quantity,
      unitPriceMinor: unitPriceMinor(q.product, node.currency),
      currency: node.currency,
      reference: q.reference ?? null,
      occurredAt: q.occurredAt,
    });
  });
}
