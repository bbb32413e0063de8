import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { minorFromDecimal } from "@/lib/domain/money";
import { setSpendCap } from "@/lib/domain/spend-caps";
import { parseInput } from "@/lib/domain/validate";
import { portalHandler } from "@/lib/portal/handler";

const body = z.object({ monthlyCap: z.string().trim().max(20).nullable() });

/** Sets (decimal string in the account currency) or removes (null) a subproject's monthly cap: the parent project's admins only. */
export const PUT = portalHandler<{ projectId: string }>(async ({ params, body: raw, actor, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "usage.read");
  if (!access.node.parentId) throw new DomainError("NOT_FOUND", "Spend caps are set on subprojects");
  await authorizeNode(access.node.parentId, "project.update");
  const { monthlyCap } = parseInput(body, raw);
  const monthlyCapMinor = monthlyCap === null ? null : minorFromDecimal(monthlyCap);
  if (monthlyCapMinor === null && monthlyCap !== null) throw new DomainError("INVALID_ARGUMENT", "Enter the cap as an amount, e.g. 250 or 250.00", [{ field: "monthlyCap", description: "must be an amount with at most two decimals" }]);
  return { spendCap: await setSpendCap(actor, access.node.id, { monthlyCapMinor }) };
});
