import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { accounts, projects, spendCaps, usageMonthlyRollups } from "@/db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { dayOf, monthOf } from "./cost-range";
import { DomainError } from "./errors";
import { auditPlacement, auditView, toNode } from "./nodes";
import { parseInput } from "./validate";

/** The suspension reason the cap writes, and the only one raising the cap or a new month lifts. */
export const SPEND_CAP_REASON = "spend cap reached";
export const SPEND_CAP_ACTOR: Actor = { type: "system", label: "spend cap" };

export type SpendCapRow = typeof spendCaps.$inferSelect;

export interface SpendCapView {
  subprojectId: string;
  currency: string;
  /** Null when the subproject has no cap. */
  monthlyCapMinor: number | null;
  /** First day of the current UTC month, and the spend in it so far (from the rollups). */
  month: string;
  monthToDateMinor: number;
  warned: boolean;
  capped: boolean;
  suspendedByCap: boolean;
}

/** Locks a subproject's cap row (FOR UPDATE) for the rest of the transaction; null when it has none. */
export async function lockSpendCap(tx: Transaction, projectId: string): Promise<SpendCapRow | null> {
  const [row] = await tx.select().from(spendCaps).where(eq(spendCaps.projectId, projectId)).for("update");
  return row ?? null;
}

/** A node's spend in one month: one primary-key lookup in the monthly rollups. */
export async function monthTotalMinor(tx: Transaction, projectId: string, month: string): Promise<number> {
  const [row] = await tx.select({ amount: usageMonthlyRollups.amountMinor }).from(usageMonthlyRollups).where(and(eq(usageMonthlyRollups.projectId, projectId), eq(usageMonthlyRollups.month, month)));
  return Number(row?.amount ?? 0);
}

async function nodeWithCurrency(tx: Transaction, projectId: string) {
  const [row] = await tx.select({ node: projects, currency: accounts.currency }).from(projects).innerJoin(accounts, eq(accounts.id, projects.accountId)).where(eq(projects.id, projectId));
  return row ?? null;
}

/** Suspends (reason: the cap) or lifts a cap suspension, with the lifecycle audit row and webhook. */
async function setCapSuspension(tx: Transaction, actor: Actor, projectId: string, suspend: boolean, why: string): Promise<boolean> {
  const [row] = await tx
    .update(projects)
    .set(suspend ? { suspendedAt: new Date(), suspendedReason: SPEND_CAP_REASON, updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')` } : { suspendedAt: null, suspendedReason: null, updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')` })
    .where(and(eq(projects.id, projectId), isNull(projects.deletedAt), suspend ? isNull(projects.suspendedAt) : eq(projects.suspendedReason, SPEND_CAP_REASON)))
    .returning();
  if (!row) return false;
  const node = toNode(row);
  await recordAudit(tx, actor, {
    accountId: node.accountId,
    ...auditPlacement(node),
    action: suspend ? "subproject.suspended" : "subproject.resumed",
    targetType: "subproject",
    targetId: node.id,
    before: { ...auditView(node), suspended: !suspend },
    after: { ...auditView(node), suspended: suspend, suspendedReason: node.suspendedReason, why },
  });
  return true;
}

/**
 * Applies the cap rules for the current UTC month, under the cap row lock: at ≥ 80 % one
 * `spend.warning`, at ≥ 100 % one `spend.capReached` and an automatic suspension. The month
 * markers make each happen once a month, however many events race past the threshold.
 */
export async function enforceSpendCap(tx: Transaction, actor: Actor, cap: SpendCapRow, context: { usageEventId?: number; now?: Date } = {}): Promise<void> {
  const month = monthOf(dayOf(context.now ?? new Date()));
  const total = await monthTotalMinor(tx, cap.projectId, month);
  // Integer arithmetic: 80 % of an odd cap must not depend on float rounding.
  const warn = total * 5 >= cap.monthlyCapMinor * 4 && cap.warnedMonth !== month;
  const reach = total >= cap.monthlyCapMinor && cap.cappedMonth !== month;
  if (!warn && !reach) return;
  await tx
    .update(spendCaps)
    .set({ warnedMonth: warn ? month : cap.warnedMonth, cappedMonth: reach ? month : cap.cappedMonth })
    .where(eq(spendCaps.projectId, cap.projectId));
  const found = await nodeWithCurrency(tx, cap.projectId);
  if (!found) return;
  const node = toNode(found.node);
  const details = { month, currency: found.currency, monthlyCapMinor: cap.monthlyCapMinor, monthToDateMinor: total, usageEventId: context.usageEventId ?? null };
  const placement = { accountId: node.accountId, ...auditPlacement(node), targetType: "subproject", targetId: node.id };
  if (warn) await recordAudit(tx, actor, { ...placement, action: "spend.warning", after: { ...details, threshold: 80 } });
  if (reach) {
    const suspended = await setCapSuspension(tx, actor, node.id, true, "spend cap reached");
    await recordAudit(tx, actor, { ...placement, action: "spend.capReached", after: { ...details, threshold: 100, suspended } });
  }
}

/** Cap input in minor units; null removes the cap. */
export const spendCapInput = z.object({ monthlyCapMinor: z.number().int().min(1, "must be greater than zero").max(1e13, "is too large").nullable() });

async function view(tx: Transaction, projectId: string, now = new Date()): Promise<SpendCapView> {
  const found = await nodeWithCurrency(tx, projectId);
  if (!found || !found.node.parentId) throw new DomainError("NOT_FOUND", `Subproject ${projectId} not found`);
  const month = monthOf(dayOf(now));
  const [cap] = await tx.select().from(spendCaps).where(eq(spendCaps.projectId, projectId));
  return {
    subprojectId: projectId,
    currency: found.currency,
    monthlyCapMinor: cap?.monthlyCapMinor ?? null,
    month,
    monthToDateMinor: await monthTotalMinor(tx, projectId, month),
    warned: cap?.warnedMonth === month,
    capped: cap?.cappedMonth === month,
    suspendedByCap: found.node.suspendedAt !== null && found.node.suspendedReason === SPEND_CAP_REASON,
  };
}

/** A subproject's cap and its month-to-date spend. */
export async function getSpendCap(subprojectId: string): Promise<SpendCapView> {
  const db = await getDb();
  return db.transaction((tx) => view(tx, subprojectId));
}

/**
 * Sets (or with null removes) a subproject's monthly cap. In the same transaction: a cap raised
 * above this month's spend lifts a cap suspension and re-arms the thresholds it is now below; a
 * cap lowered to or under the spend warns and suspends at once.
 */
export async function setSpendCap(actor: Actor, subprojectId: string, input: unknown): Promise<SpendCapView> {
  const { monthlyCapMinor } = parseInput(spendCapInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockSpendCap(tx, subprojectId);
    const found = await nodeWithCurrency(tx, subprojectId);
    if (!found || !found.node.parentId) throw new DomainError("NOT_FOUND", `Subproject ${subprojectId} not found`);
    if (found.node.deletedAt) throw new DomainError("FAILED_PRECONDITION", `Subproject ${subprojectId} is deleted`);
    const month = monthOf(dayOf(new Date()));
    const total = await monthTotalMinor(tx, subprojectId, month);
    let after: SpendCapRow | null = null;
    if (monthlyCapMinor === null) {
      await tx.delete(spendCaps).where(eq(spendCaps.projectId, subprojectId));
    } else {
      const markers = {
        warnedMonth: total * 5 >= monthlyCapMinor * 4 ? (before?.warnedMonth ?? null) : null,
        cappedMonth: total >= monthlyCapMinor ? (before?.cappedMonth ?? null) : null,
      };
      const [row] = await tx
        .insert(spendCaps)
        .values({ projectId: subprojectId, monthlyCapMinor, ...markers })
        .onConflictDoUpdate({ target: spendCaps.projectId, set: { monthlyCapMinor, ...markers, updatedAt: sql`now()` } })
        .returning();
      after = row!;
    }
    if (!after || total < after.monthlyCapMinor) await setCapSuspension(tx, actor, subprojectId, false, monthlyCapMinor === null ? "spend cap removed" : "spend cap raised above this month's spend");
    const node = toNode(found.node);
    await recordAudit(tx, actor, {
      accountId: node.accountId,
      ...auditPlacement(node),
      action: "spendCap.updated",
      targetType: "subproject",
      targetId: node.id,
      before: { monthlyCapMinor: before?.monthlyCapMinor ?? null, currency: found.currency },
      after: { monthlyCapMinor, currency: found.currency, monthToDateMinor: total },
    });
    if (after) await enforceSpendCap(tx, actor, after);
    return view(tx, subprojectId);
  });
}

/**
 * Maintenance, safe on every instance (SKIP LOCKED): lifts the suspensions of subprojects capped
 * in an earlier month, now that a new month has begun. One whose spend in the new month is
 * already at its cap stays suspended and is marked (and announced) for the new month instead.
 */
export async function resumeSpendCappedForNewMonth(now = new Date()): Promise<{ resumed: string[]; stillCapped: string[] }> {
  const month = monthOf(dayOf(now));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ cap: spendCaps })
      .from(spendCaps)
      .innerJoin(projects, eq(projects.id, spendCaps.projectId))
      .where(and(sql`${spendCaps.cappedMonth} < ${month}`, eq(projects.suspendedReason, SPEND_CAP_REASON), isNull(projects.deletedAt)))
      .for("update", { of: spendCaps, skipLocked: true });
    const resumed: string[] = [];
    const stillCapped: string[] = [];
    for (const { cap } of due) {
      if ((await monthTotalMinor(tx, cap.projectId, month)) < cap.monthlyCapMinor) {
        await setCapSuspension(tx, SPEND_CAP_ACTOR, cap.projectId, false, `new month ${month}`);
        resumed.push(cap.projectId);
      } else {
        await enforceSpendCap(tx, SPEND_CAP_ACTOR, cap, { now });
        stillCapped.push(cap.projectId);
      }
    }
    return { resumed, stillCapped };
  });
}

/**
 * Re-checks every cap in an account against this month's spend: for bulk writes that bypass
 * recordUsage (the traffic simulator). Each cap is checked under its own row lock.
 */
export async function enforceSpendCaps(accountId: string): Promise<number> {
  const db = await getDb();
  const caps = await db.select({ id: spendCaps.projectId }).from(spendCaps).innerJoin(projects, eq(projects.id, spendCaps.projectId)).where(eq(projects.accountId, accountId));
  for (const { id } of caps) {
    await db.transaction(async (tx) => {
      const cap = await lockSpendCap(tx, id);
      if (cap) await enforceSpendCap(tx, SPEND_CAP_ACTOR, cap);
    });
  }
  return caps.length;
}
