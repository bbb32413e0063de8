import Link from "next/link";
import { card } from "@/components/ui/styles";
import type { InheritedAccess } from "@/lib/domain/project-members";

/** Who can see a subproject, and why: a subproject has no members of its own. */
export function AccessPanel({ people, parent, canManage }: { people: InheritedAccess[]; parent: { id: string; displayName: string }; canManage: boolean }) {
  return (
    <section className={card} aria-labelledby="access-heading" data-testid="access-panel">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="access-heading" className="font-medium">
          Access
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Access is inherited from the parent project <span className="font-medium">{parent.displayName}</span>. Subprojects have no members of their own.{" "}
          {canManage && (
            <Link href={`/projects/${parent.id}/members`} className="text-brand-600 hover:underline">
              Manage access on {parent.displayName}
            </Link>
          )}
        </p>
      </div>
      <ul className="divide-y divide-slate-100">
        {people.map((p) => (
          <li key={p.userId} className="flex justify-between px-4 py-2 text-sm" data-testid="access-person">
            <span>
              {p.name} <span className="text-slate-500">{p.email}</span>
            </span>
            <span className="text-slate-600">
              {p.roleLabel} · {p.source === "project" ? `inherited from ${parent.displayName}` : "account role"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
