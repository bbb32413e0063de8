import { z } from "zod";
import type { KeyPrincipal, TargetNode } from "@/lib/authz/keys";
import { getAccount } from "@/lib/domain/accounts";
import { rangeFromTimes } from "@/lib/domain/cost-range";
import { costTotal, pageCostGroups } from "@/lib/domain/cost-reports";
import { nodeScope, parseGrouping } from "@/lib/domain/cost-scope";
import { minorFromDecimal } from "@/lib/domain/money";
import { getSpendCap, setSpendCap } from "@/lib/domain/spend-caps";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { ApiError } from "../errors";
import { defineOperation } from "../operation";
import { SpendCapSchema, spendCapBody, UsageReportSchema, usageQuery, wireSpendCap, wireUsageReport } from "../wire/usage";

/** Caps are the parent's decision: a subproject's own key can neither read nor change its cap. */
function requireParentKey(principal: KeyPrincipal) {
  if (principal.parentId !== null) throw new ApiError("PERMISSION_DENIED", "A subproject's key cannot manage spend caps; use the parent project's key");
}

function requireSubproject(target: TargetNode) {
  if (!target.parentId) throw new ApiError("NOT_FOUND", `Resource ${target.id} not found`);
}

const capTarget = { param: "subprojectId", unreachable: "NOT_FOUND", allowSuspended: true } as const;

export const usageOperations = [
  defineOperation({
    id: "getUsage",
    method: "GET",
    path: "/projects/{projectId}/usage",
    summary: "Usage and cost over whole UTC days: a project's covers it and its subprojects (split per subproject), a subproject's only itself",
    tag: "Usage",
    params: z.object({ projectId: nodeIdSchema }),
    query: usageQuery,
    response: UsageReportSchema,
    // Costs stay readable while suspended: that is when a reseller most wants to see them.
    target: { param: "projectId", unreachable: "PERMISSION_DENIED", allowSuspended: true },
    async handle({ target, query }) {
      const range = rangeFromTimes(query.startTime, query.endTime);
      const grouping = parseGrouping(query.groupBy)!;
      const scope = nodeScope(target);
      const [account, total, page] = await Promise.all([getAccount(target.accountId), costTotal(scope, range), pageCostGroups(scope, range, grouping, query)]);
      return { body: wireUsageReport({ projectId: target.id, range, grouping, currency: account.currency, total, groups: page.groups, nextPageToken: page.nextPageToken }) };
    },
  }),
  defineOperation({
    id: "getSpendCap",
    method: "GET",
    path: "/subprojects/{subprojectId}/spendCap",
    summary: "A subproject's monthly spend cap and its spend this UTC month (parent project's key)",
    tag: "Usage",
    params: z.object({ subprojectId: z.string() }),
    response: SpendCapSchema,
    target: capTarget,
    async handle({ target, principal }) {
      requireSubproject(target);
      requireParentKey(principal);
      return { body: wireSpendCap(await getSpendCap(target.id)) };
    },
  }),
  defineOperation({
    id: "updateSpendCap",
    method: "PATCH",
    path: "/subprojects/{subprojectId}/spendCap",
    summary: "Set or remove (null) a subproject's monthly cap: 80 % sends spend.warning, 100 % suspends it (spend.capReached); raising the cap above the spend resumes it",
    tag: "Usage",
    params: z.object({ subprojectId: z.string() }),
    body: spendCapBody,
    response: SpendCapSchema,
    target: capTarget,
    async handle({ target, principal, body, actor }) {
      requireSubproject(target);
      requireParentKey(principal);
      if (body.monthlyCap === undefined) throw new ApiError("INVALID_ARGUMENT", "monthlyCap is required (null removes the cap)", [{ field: "monthlyCap", description: "is required" }]);
      let monthlyCapMinor: number | null = null;
      if (body.monthlyCap) {
        const account = await getAccount(target.accountId);
        if (body.monthlyCap.currencyCode !== undefined && body.monthlyCap.currencyCode !== account.currency) {
          throw new ApiError("INVALID_ARGUMENT", `The cap must be in the account's currency, ${account.currency}`, [{ field: "monthlyCap.currencyCode", description: `must be ${account.currency}` }]);
        }
        monthlyCapMinor = minorFromDecimal(body.monthlyCap.amount);
      }
      return { body: wireSpendCap(await setSpendCap(actor, target.id, { monthlyCapMinor })) };
    },
  }),
];
