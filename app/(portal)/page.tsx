import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listAccountsOfUser } from "@/lib/domain/memberships";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const accounts = await listAccountsOfUser(user.id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="accounts-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="accounts-heading" className="border-b border-slate-200 px-4 py-3 font-medium">
          Your accounts
        </h2>
        {accounts.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">You are not a member of any account yet. Ask an administrator to add you.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <li key={a.accountId} className="flex items-center justify-between px-4 py-3 text-sm">
                <span className="font-medium">{a.name}</span>
                <span className="text-slate-500">
                  {a.plan} · {a.role.replace("_", " ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
