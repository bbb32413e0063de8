import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resolveAccountAccess, resolveNodeAccess } from "@/lib/authz/people";
import { costReport } from "@/lib/domain/cost-reports";
import { minorFromDecimal } from "@/lib/domain/money";
import { recordUsage, usagePlacement } from "@/lib/domain/usage";
import { makePerson, makeTree } from "@/scripts/test-support/fixtures";
import { costCsv } from "./cost-csv";
import { costQuery } from "./cost-search";

describe("cost CSV export", () => {
  it("holds exactly the rows the page shows, the cut-off rest included, adding up to the total", async () => {
    const tree = await makeTree("Csv");
    const db = await getDb();
    const amounts: Array<[typeof tree.sub1, number]> = [
      [tree.sub1, 1234],
      [tree.sub2, 99],
      [tree.project, 5],
    ];
    for (const [node, minor] of amounts) {
      await db.transaction((tx) => recordUsage(tx, { accountId: tree.account.id, currency: tree.account.currency, ...usagePlacement(node), product: "sms", quantity: 1, unitPriceMinor: minor, occurredAt: new Date("2025-05-05T10:00:00Z") }));
    }
    const q = costQuery("project", { from: "2025-05-01", to: "2025-05-31", group: "subproject" });
    const report = await costReport({ kind: "project", accountId: tree.account.id, projectId: tree.project.id }, q.range, q.grouping, { breakdownLimit: 2 });
    const rows = parse(costCsv(report), { columns: true }) as { key: string; name: string; amount: string; currency: string }[];
    expect(rows.map((r) => [r.name, r.amount])).toEqual([
      ["Customer one", "12.34"],
      ["Customer two", "0.99"],
      ["Other (1)", "0.05"],
    ]);
    expect(rows.reduce((s, r) => s + minorFromDecimal(r.amount)!, 0)).toBe(report.totalMinor);
    expect(report.totalMinor).toBe(1338);
  });

  it("falls back to the current month, and says why, for a hand-edited range", () => {
    const q = costQuery("account", { from: "2025-13-01", group: "nonsense" }, new Date("2025-06-15T00:00:00Z"));
    expect(q.range).toEqual({ from: "2025-06-01", to: "2025-06-30" });
    expect(q.grouping).toEqual({ by: "project" });
    expect(q.problem).toMatch(/from/);
    expect(costQuery("subproject", { group: "label", labelKey: "region" }).grouping).toEqual({ by: "product" });
    expect(costQuery("project", { group: "label", labelKey: " tier " }).grouping).toEqual({ by: "label", key: "tier" });
  });
});

describe("who may read costs", () => {
  it("a billing viewer reads every project's costs but cannot set caps; a project viewer only its project's", async () => {
    const tree = await makeTree("Cost access");
    const other = await makeTree("Cost access other");
    const billing = await makePerson(tree.account.id, "billing_viewer");
    expect((await resolveAccountAccess(billing.id, tree.account.id))?.permissions.has("usage.read")).toBe(true);
    const sub = await resolveNodeAccess(billing.id, tree.sub1.id);
    expect(sub?.permissions.has("usage.read")).toBe(true);
    expect(sub?.permissions.has("project.update")).toBe(false);
    expect(await resolveNodeAccess(billing.id, other.sub1.id)).toBeNull();

    const viewer = await makePerson(tree.account.id, "member", { projectId: tree.project.id, role: "viewer" });
    expect((await resolveAccountAccess(viewer.id, tree.account.id))?.permissions.has("usage.read")).toBe(false);
    expect((await resolveNodeAccess(viewer.id, tree.sub2.id))?.permissions.has("usage.read")).toBe(true);
    const admin = await makePerson(tree.account.id, "member", { projectId: tree.project.id, role: "project_admin" });
    expect((await resolveNodeAccess(admin.id, tree.sub2.id))?.permissions.has("project.update")).toBe(true);
  });
});
