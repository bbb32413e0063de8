import { usageEvents, type UsageProduct } from "@/db/schema";
import type { Transaction } from "@/db/client";

export interface UsageEntry {
  accountId: string;
  /** The project or subproject the charge belongs to. */
  projectId: string;
  /** Its top-level project (itself for a project). */
  topProjectId: string;
  product: UsageProduct;
  quantity: number;
  unitPriceMinor: number;
  /** The account's ISO 4217 currency: billing never leaves the account. */
  currency: string;
  /** What was charged for, e.g. the phone number. */
  reference?: string | null;
  occurredAt?: Date;
}

/** Where a node's usage is filed: on the node, and under its top-level project for reports. */
export function usagePlacement(node: { id: string; parentId: string | null }) {
  return { projectId: node.id, topProjectId: node.parentId ?? node.id };
}

/**
 * Appends one row to the usage ledger inside the caller's transaction, so a charge commits
 * exactly when the change that causes it does.
 */
export async function recordUsage(tx: Transaction, entry: UsageEntry): Promise<void> {
  await tx.insert(usageEvents).values({
    accountId: entry.accountId,
    projectId: entry.projectId,
    topProjectId: entry.topProjectId,
    product: entry.product,
    quantity: entry.quantity,
    unitPriceMinor: entry.unitPriceMinor,
    amountMinor: entry.quantity * entry.unitPriceMinor,
    currency: entry.currency,
    reference: entry.reference ?? null,
    occurredAt: entry.occurredAt ?? new Date(),
  });
}
