import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { newSubprojectId } from "@/lib/domain/ids";
import { recordUsage, usagePlacement } from "@/lib/domain/usage";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

type Money = { currencyCode: string; amount: string };
type Group = { subprojectId?: string | null; displayName?: string; product?: string; day?: string; labelValue?: string | null; quantity: number | null; events: number; cost: Money; costMinor: number };
type Report = { projectId: string; startTime: string; endTime: string; groupBy: string; total: Money; totalMinor: number; events: number; usage: Group[]; nextPageToken: string };
type Cap = { subprojectId: string; monthlyCap: Money | null; monthToDateMinor: number; warned: boolean; capped: boolean; suspendedByCap: boolean };
type ErrorBody = { error: { code: number; status: string; message: string; details: { fieldViolations: { field: string }[] }[] } };

/** January 2025: project 1.00 (verification), sub1 12.34 (SMS + voice), sub2 5.00 (SMS). */
async function world() {
  const tree = await makeTree("Usage API");
  const db = await getDb();
  const add = (node: { id: string; parentId: string | null }, product: "sms" | "voice" | "verification", quantity: number, unitPriceMinor: number, iso: string) =>
    db.transaction((tx) => recordUsage(tx, { accountId: tree.account.id, currency: tree.account.currency, ...usagePlacement(node), product, quantity, unitPriceMinor, occurredAt: new Date(iso) }));
  await add(tree.project, "verification", 20, 5, "2025-01-10T08:00:00Z");
  await add(tree.sub1, "sms", 100, 7, "2025-01-10T09:00:00Z");
  await add(tree.sub1, "voice", 178, 3, "2025-01-31T23:59:59Z");
  await add(tree.sub2, "sms", 50, 10, "2025-01-15T12:00:00Z");
  await add(tree.sub2, "sms", 1000, 10, "2025-02-01T00:00:00Z"); // outside January
  const projectToken = await tokenFor(await makeKey(tree.project.id));
  const sub1Token = await tokenFor(await makeKey(tree.sub1.id));
  return { ...tree, projectToken, sub1Token };
}

const january = "startTime=2025-01-01T00:00:00Z&endTime=2025-02-01T00:00:00Z";

describe("Usage API", () => {
  it("a project key sees the project and its subprojects, split per subproject, summing to the total", async () => {
    const w = await world();
    const r = await api<Report>("GET", `/v1/projects/${w.project.id}/usage?${january}&groupBy=subproject`, { token: w.projectToken });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ projectId: w.project.id, startTime: "2025-01-01T00:00:00Z", endTime: "2025-02-01T00:00:00Z", groupBy: "subproject", total: { currencyCode: w.account.currency, amount: "18.34" }, totalMinor: 1834, events: 4 });
    const bySub = new Map(r.body.usage.map((g) => [g.subprojectId, g]));
    expect(bySub.get(w.sub1.id)).toMatchObject({ displayName: "Customer one", cost: { amount: "12.34" }, costMinor: 1234, events: 2 });
    expect(bySub.get(w.sub2.id)).toMatchObject({ cost: { amount: "5.00" }, costMinor: 500 });
    expect(bySub.get(null)).toMatchObject({ costMinor: 100, quantity: null });
    expect(r.body.usage.reduce((s, g) => s + g.costMinor, 0)).toBe(r.body.totalMinor);
  });

  it("a subproject key sees only its own usage; its parent and its sibling answer like a missing project", async () => {
    const w = await world();
    const own = await api<Report>("GET", `/v1/projects/${w.sub1.id}/usage?${january}`, { token: w.sub1Token });
    expect(own.body.totalMinor).toBe(1234);
    expect(own.body.usage.map((g) => g.subprojectId)).toEqual([w.sub1.id]);
    const byProduct = await api<Report>("GET", `/v1/projects/${w.sub1.id}/usage?${january}&groupBy=product`, { token: w.sub1Token });
    expect(byProduct.body.usage.map((g) => [g.product, g.quantity, g.costMinor])).toEqual([
      ["SMS", 100, 700],
      ["VOICE", 178, 534],
    ]);
    const missing = newSubprojectId();
    const absent = await api<ErrorBody>("GET", `/v1/projects/${missing}/usage`, { token: w.sub1Token });
    expect(absent.status).toBe(403);
    for (const other of [w.sub2.id, w.project.id]) {
      const denied = await api<ErrorBody>("GET", `/v1/projects/${other}/usage?${january}`, { token: w.sub1Token });
      expect(denied.status).toBe(403);
      expect(JSON.parse(JSON.stringify(denied.body).split(other).join("<id>"))).toEqual(JSON.parse(JSON.stringify(absent.body).split(missing).join("<id>")));
    }
    // The parent key reaches the subproject's own report, the same figures.
    expect((await api<Report>("GET", `/v1/projects/${w.sub1.id}/usage?${january}`, { token: w.projectToken })).body.totalMinor).toBe(1234);
  });

  it("groups by day and by label, widens instants to whole UTC days, and pages with tokens", async () => {
    const w = await world();
    const days = await api<Report>("GET", `/v1/projects/${w.project.id}/usage?startTime=2025-01-10T15:00:00Z&endTime=2025-01-31T00:00:01Z&groupBy=day`, { token: w.projectToken });
    expect(days.body).toMatchObject({ startTime: "2025-01-10T00:00:00Z", endTime: "2025-02-01T00:00:00Z" });
    expect(days.body.usage.map((g) => [g.day, g.costMinor])).toEqual([
      ["2025-01-10", 800],
      ["2025-01-15", 500],
      ["2025-01-31", 534],
    ]);
    const labels = await api<Report>("GET", `/v1/projects/${w.project.id}/usage?${january}&groupBy=label:region`, { token: w.projectToken });
    expect(labels.body.usage.map((g) => [g.labelValue, g.costMinor])).toEqual(
      expect.arrayContaining([
        ["eu", 1234],
        ["us", 500],
        [null, 100],
      ]),
    );
    let pageToken = "";
    const seen: Group[] = [];
    do {
      const page = await api<Report>("GET", `/v1/projects/${w.project.id}/usage?${january}&pageSize=1${pageToken ? `&pageToken=${pageToken}` : ""}`, { token: w.projectToken });
      expect(page.body.usage.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.usage);
      pageToken = page.body.nextPageToken;
    } while (pageToken);
    expect(seen).toHaveLength(3);
    expect(seen.reduce((s, g) => s + g.costMinor, 0)).toBe(1834);
  });

  it("rejects bad ranges, groupings and tokens with field violations", async () => {
    const w = await world();
    const cases: Array<[string, string]> = [
      ["groupBy=region", "groupBy"],
      ["startTime=yesterday", "startTime"],
      ["startTime=2025-02-01&endTime=2025-01-01", "endTime"],
      ["startTime=2020-01-01&endTime=2025-01-01", "endTime"],
      ["pageToken=forged", "pageToken"],
    ];
    for (const [query, field] of cases) {
      const r = await api<ErrorBody>("GET", `/v1/projects/${w.project.id}/usage?${query}`, { token: w.projectToken });
      expect(r.status, query).toBe(400);
      expect(r.body.error.status).toBe("INVALID_ARGUMENT");
      expect(r.body.error.details[0]!.fieldViolations.map((v) => v.field), query).toContain(field);
    }
  });
});

describe("Spend cap API", () => {
  it("the parent key sets, reads, raises and removes a cap; crossing it suspends the subproject's key", async () => {
    const w = await world();
    const path = `/v1/subprojects/${w.sub1.id}/spendCap`;
    expect((await api<Cap>("GET", path, { token: w.projectToken })).body).toMatchObject({ subprojectId: w.sub1.id, monthlyCap: null, monthToDateMinor: 0, suspendedByCap: false });
    const set = await api<Cap>("PATCH", path, { token: w.projectToken, body: { monthlyCap: { currencyCode: w.account.currency, amount: "1.50" } } });
    expect(set.body).toMatchObject({ monthlyCap: { currencyCode: w.account.currency, amount: "1.50" }, monthlyCapMinor: 150 });

    const db = await getDb();
    await db.transaction((tx) => recordUsage(tx, { accountId: w.account.id, currency: w.account.currency, ...usagePlacement(w.sub1), product: "sms", quantity: 30, unitPriceMinor: 7 }));
    expect((await api<Cap>("GET", path, { token: w.projectToken })).body).toMatchObject({ monthToDateMinor: 210, warned: true, capped: true, suspendedByCap: true });
    expect((await api<ErrorBody>("GET", `/v1/projects/${w.sub1.id}/usage`, { token: w.sub1Token })).body.error.status).toBe("PERMISSION_DENIED");

    const raised = await api<Cap>("PATCH", path, { token: w.projectToken, body: { monthlyCap: { amount: "10" } } });
    expect(raised.body).toMatchObject({ monthlyCapMinor: 1000, suspendedByCap: false, capped: false, warned: false });
    expect((await api("GET", `/v1/projects/${w.sub1.id}/usage`, { token: w.sub1Token })).status).toBe(200);
    expect((await api<Cap>("PATCH", path, { token: w.projectToken, body: { monthlyCap: null } })).body.monthlyCap).toBeNull();
  });

  it("only the parent key manages caps, in the account currency, on subprojects only", async () => {
    const w = await world();
    const path = `/v1/subprojects/${w.sub1.id}/spendCap`;
    expect((await api<ErrorBody>("GET", path, { token: w.sub1Token })).body.error.status).toBe("PERMISSION_DENIED");
    expect((await api<ErrorBody>("PATCH", path, { token: w.sub1Token, body: { monthlyCap: null } })).body.error.status).toBe("PERMISSION_DENIED");
    expect((await api<ErrorBody>("GET", `/v1/subprojects/${w.sub2.id}/spendCap`, { token: w.sub1Token })).status).toBe(404);
    expect((await api<ErrorBody>("GET", `/v1/subprojects/${w.project.id}/spendCap`, { token: w.projectToken })).status).toBe(404);
    const wrongCurrency = await api<ErrorBody>("PATCH", path, { token: w.projectToken, body: { monthlyCap: { currencyCode: "JPY", amount: "5.00" } } });
    expect(wrongCurrency.body.error.details[0]!.fieldViolations.map((v) => v.field)).toEqual(["monthlyCap.currencyCode"]);
    for (const amount of ["-1", "1.234", "abc", "0"]) expect((await api("PATCH", path, { token: w.projectToken, body: { monthlyCap: { amount } } })).status, amount).toBe(400);
  });
});
