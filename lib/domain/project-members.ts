import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { accountMemberships, projectMembers, projects, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_ROLE_LABELS, PROJECT_ROLE_LABELS, seesEveryProject, type AccountRole, type ProjectRole } from "@/lib/authz/roles";
import { grantProjectRoleInput, revokeProjectRoleInput } from "@/lib/schemas/members";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError, sqlState } from "./errors";
import { parseInput } from "./validate";

export interface ProjectMemberView {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
}

/**
 * Grants (or changes) a person's role on a top-level project. A person not yet in the account
 * joins it as "member" (access only through bindings). With `newUser`, a person who does not
 * exist yet is created first. Binding to a subproject is refused (and the database refuses it).
 */
export async function grantProjectRole(actor: Actor, input: unknown): Promise<ProjectMemberView & { created: boolean }> {
  const { projectId, email, role, newUser } = parseInput(grantProjectRoleInput, input);
  const passwordHash = newUser ? await hashPassword(newUser.password) : null;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [project] = await tx.select({ id: projects.id, accountId: projects.accountId, parentId: projects.parentId }).from(projects).where(eq(projects.id, projectId));
      if (!project) throw new DomainError("NOT_FOUND", `Project ${projectId} not found`);
      if (project.parentId) throw new DomainError("FAILED_PRECONDITION", "People are granted roles on top-level projects; subprojects inherit them.");
      let [user] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(sql`lower(${users.email}) = ${email}`);
      let created = false;
      if (!user) {
        if (!newUser || !passwordHash) throw new DomainError("NOT_FOUND", `No user with email ${email}. Give a name and an initial password to create them.`);
        [user] = await tx.insert(users).values({ email, name: newUser.name, passwordHash }).returning({ id: users.id, email: users.email, name: users.name });
        created = true;
      }
      const u = user!;
      await tx.insert(accountMemberships).values({ accountId: project.accountId, userId: u.id, role: "member" }).onConflictDoNothing();
      const [existing] = await tx.select({ role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, u.id))).for("update");
      await tx.insert(projectMembers).values({ projectId, userId: u.id, role }).onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role } });
      await recordAudit(tx, actor, {
        accountId: project.accountId,
        projectId,
        action: existing ? "project_member.role_changed" : "project_member.added",
        targetType: "user",
        targetId: u.id,
        before: existing ? { role: existing.role } : null,
        after: { email: u.email, role, userCreated: created },
      });
      return { userId: u.id, email: u.email, name: u.name, role, created };
    });
  } catch (error) {
    if (sqlState(error) === "23514") throw new DomainError("FAILED_PRECONDITION", "People are granted roles on top-level projects; subprojects inherit them.");
    throw error;
  }
}

/** Removes a person's binding; their access to the project and all its subprojects ends on their next request. */
export async function revokeProjectRole(actor: Actor, input: unknown): Promise<void> {
  const { projectId, userId } = parseInput(revokeProjectRoleInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
      .returning({ role: projectMembers.role });
    if (!removed) throw new DomainError("NOT_FOUND", "That person has no role on this project");
    const [project] = await tx.select({ accountId: projects.accountId }).from(projects).where(eq(projects.id, projectId));
    await recordAudit(tx, actor, { accountId: project!.accountId, projectId, action: "project_member.removed", targetType: "user", targetId: userId, before: { role: removed.role } });
  });
}

export async function listProjectMembers(projectId: string): Promise<ProjectMemberView[]> {
  const db = await getDb();
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(users.name);
}

export interface InheritedAccess {
  userId: string;
  email: string;
  name: string;
  /** Where the access comes from: the account role, or the binding on the parent project. */
  source: "account" | "project";
  role: string;
  roleLabel: string;
}

/**
 * Everyone who can see a node: account roles that cover every project, plus bindings on the
 * node's top-level project (a subproject has no bindings of its own).
 */
export async function listPeopleWithAccess(node: { id: string; accountId: string; parentId: string | null }): Promise<InheritedAccess[]> {
  const db = await getDb();
  const topProjectId = node.parentId ?? node.id;
  const rows = rowsOf<{ user_id: string; email: string; name: string; account_role: AccountRole; project_role: ProjectRole | null }>(
    await db.execute(sql`
      select u.id as user_id, u.email, u.name, am.role as account_role, pm.role as project_role
      from account_memberships am
      join users u on u.id = am.user_id
      left join project_members pm on pm.project_id = ${topProjectId} and pm.user_id = am.user_id
      where am.account_id = ${node.accountId}
        and (pm.role is not null or am.role in ('admin', 'user_manager', 'billing_viewer'))
      order by u.name, u.email`),
  );
  return rows.map((r) =>
    r.project_role
      ? { userId: r.user_id, email: r.email, name: r.name, source: "project" as const, role: r.project_role, roleLabel: PROJECT_ROLE_LABELS[r.project_role] }
      : { userId: r.user_id, email: r.email, name: r.name, source: "account" as const, role: r.account_role, roleLabel: ACCOUNT_ROLE_LABELS[r.account_role] },
  ).filter((r) => r.source === "project" || seesEveryProject(r.role as AccountRole));
}
