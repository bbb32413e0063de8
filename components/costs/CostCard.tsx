import Link from "next/link";
import { card } from "@/components/ui/styles";
import type { NodeAccess } from "@/lib/authz/people";
import { getAccount } from "@/lib/domain/accounts";
import { currentMonthRange } from "@/lib/domain/cost-range";
import { costTotal } from "@/lib/domain/cost-reports";
import { nodeScope } from "@/lib/domain/cost-scope";
import { getSpendCap } from "@/lib/domain/spend-caps";
import { nodePath } from "@/components/projects/NodeHeader";
import { formatCount, formatMoney } from "./format";

/** This month's cost of a project or subproject, with its cap when it has one; nothing without usage.read. */
export async function CostCard({ access }: { access: NodeAccess }) {
  if (!access.permissions.has("usage.read")) return null;
  const range = currentMonthRange();
  const [account, total, cap] = await Promise.all([getAccount(access.node.accountId), costTotal(nodeScope(access.node), range), access.node.parentId ? getSpendCap(access.node.id) : null]);
  return (
    <section className={`${card} p-4`} data-testid="cost-card">
      <div className="flex items-baseline justify-between">
        <h2 className="font-medium">Costs this month</h2>
        <Link href={nodePath(access.node, "costs")} className="text-sm text-brand-600 hover:underline">
          View costs
        </Link>
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums">{formatMoney(total.amountMinor, account.currency)}</p>
      <p className="text-sm text-slate-500">
        {formatCount(total.events)} billable events since {range.from} (UTC)
        {cap?.monthlyCapMinor ? ` · cap ${formatMoney(cap.monthlyCapMinor, account.currency)}${cap.suspendedByCap ? " · suspended by the cap" : ""}` : ""}
      </p>
    </section>
  );
}
