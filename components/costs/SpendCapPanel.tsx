import { card } from "@/components/ui/styles";
import type { NodeAccess } from "@/lib/authz/people";
import { decimalAmount } from "@/lib/domain/money";
import { getSpendCap } from "@/lib/domain/spend-caps";
import { formatMoney } from "./format";
import { SpendCapForm } from "./SpendCapForm";

/** A subproject's monthly cap: how much of it this month used, its state, and (for the parent's admins) the form. */
export async function SpendCapPanel({ access }: { access: NodeAccess }) {
  if (!access.node.parentId) return null;
  const cap = await getSpendCap(access.node.id);
  // A subproject's permissions are its parent's: project.update here is project.update on the parent.
  const canManage = access.permissions.has("project.update") && !access.node.deleted;
  const used = cap.monthlyCapMinor ? Math.min(100, (cap.monthToDateMinor / cap.monthlyCapMinor) * 100) : 0;
  return (
    <section className={`${card} flex flex-col gap-3 p-4`} aria-label="Spend cap" data-testid="spend-cap">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">Monthly spend cap</h2>
        <p className="text-sm text-slate-600">
          This month (UTC, from {cap.month}): <span className="font-medium tabular-nums">{formatMoney(cap.monthToDateMinor, cap.currency)}</span>
          {cap.monthlyCapMinor !== null && (
            <>
              {" "}
              of <span className="font-medium tabular-nums">{formatMoney(cap.monthlyCapMinor, cap.currency)}</span> ({used.toFixed(0)} %)
            </>
          )}
        </p>
      </div>
      {cap.monthlyCapMinor !== null ? (
        <div className="h-2 rounded bg-slate-100" aria-hidden>
          <div className={`h-2 rounded ${used >= 100 ? "bg-red-500" : used >= 80 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${Math.max(1, used)}%` }} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No cap: usage is not limited.</p>
      )}
      {cap.suspendedByCap && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="status">
          Suspended: the cap was reached. It resumes when the cap is raised above this month&apos;s spend, or when the next month begins.
        </p>
      )}
      {!cap.suspendedByCap && cap.warned && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Over 80 % of the cap this month.</p>}
      <p className="text-xs text-slate-500">At 80 % a spend.warning event is sent (audit log and webhooks); at 100 % the subproject is suspended automatically (spend.capReached).</p>
      {canManage && <SpendCapForm subprojectId={access.node.id} currency={cap.currency} current={cap.monthlyCapMinor === null ? null : decimalAmount(cap.monthlyCapMinor)} />}
    </section>
  );
}
