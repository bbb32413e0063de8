import type { Metadata } from "next";
import { GrantRoleForm } from "@/components/members/GrantRoleForm";
import { MemberActions } from "@/components/members/MemberActions";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { card } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/authz/request";
import { PROJECT_ROLE_LABELS, PROJECT_ROLES } from "@/lib/authz/roles";
import { listPeopleWithAccess, listProjectMembers } from "@/lib/domain/project-members";

export const metadata: Metadata = { title: "Members" };

const roleOptions = PROJECT_ROLES.map((r) => ({ value: r, label: PROJECT_ROLE_LABELS[r] }));

export default async function ProjectMembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId, "member.read");
  const canWrite = access.permissions.has("member.write");
  const [members, everyone] = await Promise.all([listProjectMembers(projectId), listPeopleWithAccess(access.node)]);
  const throughAccount = everyone.filter((p) => p.source === "account");
  return (
    <div className="flex flex-col gap-6">
      <ProjectHeader access={access} active="members" />
      <p className="text-sm text-slate-600">Roles granted here apply to this project and every one of its subprojects.</p>
      {canWrite && (
        <section className={`${card} p-4`}>
          <h2 className="mb-3 font-medium">Add a person</h2>
          <GrantRoleForm url={`/api/projects/${projectId}/members`} roles={roleOptions} defaultRole="developer" />
        </section>
      )}
      <section className={card} aria-labelledby="members-heading">
        <h2 id="members-heading" className="border-b border-slate-200 px-4 py-3 font-medium">
          Project members
        </h2>
        {members.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">Nobody is bound to this project yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.userId} className="flex items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="project-member">
                <span>
                  <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span>
                </span>
                {canWrite ? (
                  <MemberActions url={`/api/projects/${projectId}/members/${m.userId}`} name={m.name} role={m.role} roles={roleOptions} />
                ) : (
                  <span className="text-slate-600">{PROJECT_ROLE_LABELS[m.role]}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={card} aria-labelledby="account-access-heading">
        <h2 id="account-access-heading" className="border-b border-slate-200 px-4 py-3 font-medium">
          Access through an account role
        </h2>
        <ul className="divide-y divide-slate-100">
          {throughAccount.map((p) => (
            <li key={p.userId} className="flex justify-between px-4 py-2 text-sm">
              <span>
                {p.name} <span className="text-slate-500">{p.email}</span>
              </span>
              <span className="text-slate-600">{p.roleLabel} (account)</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
