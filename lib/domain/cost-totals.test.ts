import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { UsageProduct } from "@/db/schema";
import { cliActor } from "./actor";
import { createAccount } from "./accounts";
import { addDays, type DayRange } from "./cost-range";
import { costReport, pageCostGroups } from "./cost-reports";
import { nodeScope, type CostGrouping, type CostScope } from "./cost-scope";
import { createProject, createSubproject } from "./projects";
import { recordUsage, usagePlacement } from "./usage";
import { appendLedgerRows } from "./usage-ledger";

const unlimited = { enforceSelfServiceLimits: false };
const PRODUCTS: UsageProduct[] = ["sms", "voice", "verification", "number_setup", "number_monthly"];
// A window across three month boundaries, so ranges cut months at both ends or cover them whole.
const WINDOW_START = "2024-12-20";
const WINDOW_DAYS = 100;

async function freshAccount() {
  const account = await createAccount(cliActor, { name: `Totals ${Math.random().toString(36).slice(2, 8)}`, plan: "enterprise", currency: "EUR" });
  const nodes = [];
  for (const p of [0, 1]) {
    const project = await createProject(cliActor, { accountId: account.id, displayName: `P${p}` }, unlimited);
    nodes.push(project);
    for (const s of [0, 1]) nodes.push(await createSubproject(cliActor, { parentProjectId: project.id, displayName: `P${p}S${s}`, labels: s ? { region: "eu" } : {} }, unlimited));
  }
  return { account, nodes };
}

// Days next to month ends (Dec 31 / Jan 1, Jan 31 / Feb 1, Feb 28 / Mar 1) are where off-by-one bugs live.
const EDGE_OFFSETS = [11, 12, 42, 43, 70, 71];
const dayOffset = fc.oneof(fc.nat(WINDOW_DAYS - 1), fc.constantFrom(...EDGE_OFFSETS));

const ledgerRow = fc.record({
  node: fc.nat(5),
  product: fc.constantFrom(...PRODUCTS),
  // Corrections included: negative quantities are refunds.
  quantity: fc.integer({ min: -5, max: 40 }).filter((q) => q !== 0),
  unitPriceMinor: fc.integer({ min: 0, max: 900 }),
  dayOffset,
  msOfDay: fc.oneof(fc.nat(86_399_999), fc.constantFrom(0, 86_399_999)),
  batched: fc.boolean(),
});

const dayRange = fc.oneof(
  fc.tuple(dayOffset, dayOffset).map(([a, b]) => ({ from: addDays(WINDOW_START, Math.min(a, b)), to: addDays(WINDOW_START, Math.max(a, b)) })),
  fc.constantFrom<DayRange>({ from: "2025-01-01", to: "2025-01-31" }, { from: "2025-01-01", to: "2025-02-28" }, { from: "2024-12-25", to: "2025-03-10" }, { from: "2024-12-01", to: "2025-03-31" }),
);

async function groupSum(scope: CostScope, range: DayRange, grouping: CostGrouping): Promise<number> {
  let sum = 0;
  let pageToken = "";
  do {
    const page = await pageCostGroups(scope, range, grouping, { pageSize: 2, pageToken });
    sum += page.groups.reduce((s, g) => s + g.amountMinor, 0);
    // A group exists only where the range has usage.
    for (const g of page.groups) expect(g.events).toBeGreaterThan(0);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return sum;
}

describe("cost totals are exact", () => {
  it("sum over subprojects = project total = account total = the ledger, for any range, to the minor unit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ledgerRow, { minLength: 1, maxLength: 40 }), fc.array(dayRange, { minLength: 1, maxLength: 4 }), async (rows, ranges) => {
        const { account, nodes } = await freshAccount();
        const db = await getDb();
        const entries = rows.map((r) => ({
          ...usagePlacement(nodes[r.node]!),
          product: r.product,
          quantity: r.quantity,
          unitPriceMinor: r.unitPriceMinor,
          occurredAt: new Date(Date.parse(`${addDays(WINDOW_START, r.dayOffset)}T00:00:00Z`) + r.msOfDay),
          batched: r.batched,
        }));
        await appendLedgerRows(db, { accountId: account.id, currency: "EUR" }, entries.filter((e) => e.batched));
        for (const e of entries.filter((e) => !e.batched)) await db.transaction((tx) => recordUsage(tx, { ...e, accountId: account.id, currency: "EUR" }));

        for (const range of ranges) {
          const truth = (pick: (nodeIndex: number) => boolean) =>
            rows.filter((r, i) => pick(r.node) && entries[i]!.occurredAt.toISOString().slice(0, 10) >= range.from && entries[i]!.occurredAt.toISOString().slice(0, 10) <= range.to).reduce((s, r) => s + r.quantity * r.unitPriceMinor, 0);
          const accountScope: CostScope = { kind: "account", accountId: account.id };
          const whole = await costReport(accountScope, range, { by: "subproject" }, { breakdownLimit: 3 });
          expect(whole.totalMinor).toBe(truth(() => true));
          // Shown rows + the rest = total, as on the page and in the CSV.
          expect(whole.breakdown.groups.reduce((s, g) => s + g.amountMinor, 0) + (whole.breakdown.rest?.amountMinor ?? 0)).toBe(whole.totalMinor);
          let projectsSum = 0;
          for (const [p, project] of [nodes[0]!, nodes[3]!].entries()) {
            const report = await costReport(nodeScope(project), range, { by: "product" });
            expect(report.totalMinor).toBe(truth((n) => Math.floor(n / 3) === p));
            // Each subproject's own report, plus the project's own usage (its row in the split).
            const own = (await pageCostGroups(nodeScope(project), range, { by: "subproject" }, { pageSize: 10 })).groups.find((g) => g.key === project.id);
            expect(own?.amountMinor ?? 0).toBe(truth((n) => n === p * 3));
            let nodesSum = own?.amountMinor ?? 0;
            for (const n of [1, 2]) nodesSum += (await costReport(nodeScope(nodes[p * 3 + n]!), range, { by: "day" })).totalMinor;
            expect(nodesSum).toBe(report.totalMinor);
            expect(await groupSum(nodeScope(project), range, { by: "subproject" })).toBe(report.totalMinor);
            projectsSum += report.totalMinor;
          }
          expect(projectsSum).toBe(whole.totalMinor);
          for (const grouping of [{ by: "subproject" }, { by: "project" }, { by: "day" }, { by: "product" }, { by: "label", key: "region" }] as CostGrouping[]) {
            expect(await groupSum(accountScope, range, grouping)).toBe(whole.totalMinor);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
