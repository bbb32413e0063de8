/**
 * The one role → permission table (DESIGN §2). Every check in the portal and the API reads it.
 * Project permissions apply to a project and, by inheritance, to all its subprojects.
 */
export const PROJECT_PERMISSIONS = [
  "project.read",
  "project.update",
  "subproject.create",
  "subproject.update",
  "subproject.delete",
  "resource.read",
  "resource.write",
  "key.read",
  "key.write",
  "member.read",
  "member.write",
  "usage.read",
  "audit.read",
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

/** Permissions that concern the account itself rather than any one project. */
export const ACCOUNT_PERMISSIONS = ["account.read", "account.members.read", "account.members.write", "account.settings.write", "project.create", "usage.read", "audit.read"] as const;
export type AccountPermission = (typeof ACCOUNT_PERMISSIONS)[number];

export const ACCOUNT_ROLES = ["admin", "user_manager", "member", "billing_viewer"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const PROJECT_ROLES = ["project_admin", "developer", "viewer"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

interface AccountRoleGrant {
  /** What the role may do on the account itself. */
  account: readonly AccountPermission[];
  /** What the role may do on every project (and subproject) of the account, bound or not. */
  everyProject: readonly ProjectPermission[];
}

export const ACCOUNT_ROLE_PERMISSIONS: Record<AccountRole, AccountRoleGrant> = {
  admin: { account: ACCOUNT_PERMISSIONS, everyProject: PROJECT_PERMISSIONS },
  // People only: sees the projects to manage who is on them, touches no resource.
  user_manager: { account: ["account.read", "account.members.read", "account.members.write"], everyProject: ["project.read", "member.read", "member.write"] },
  // Only what project bindings give.
  member: { account: ["account.read"], everyProject: [] },
  // Costs only.
  billing_viewer: { account: ["account.read", "usage.read"], everyProject: ["project.read", "usage.read"] },
};

export const PROJECT_ROLE_PERMISSIONS: Record<ProjectRole, readonly ProjectPermission[]> = {
  project_admin: PROJECT_PERMISSIONS,
  developer: ["project.read", "resource.read", "resource.write", "key.read", "key.write", "member.read", "usage.read", "audit.read"],
  viewer: ["project.read", "resource.read", "key.read", "member.read", "usage.read"],
};

export const ACCOUNT_ROLE_LABELS: Record<AccountRole, string> = {
  admin: "Administrator",
  user_manager: "User manager",
  member: "Member",
  billing_viewer: "Billing viewer",
};
export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = {
  project_admin: "Project admin",
  developer: "Developer",
  viewer: "Viewer",
};

/** Effective permissions on one node: the account role's blanket grant ∪ the (parent) project binding. */
export function projectPermissionsFor(accountRole: AccountRole | null, projectRole: ProjectRole | null): Set<ProjectPermission> {
  const granted = new Set<ProjectPermission>(accountRole ? ACCOUNT_ROLE_PERMISSIONS[accountRole].everyProject : []);
  if (projectRole) for (const p of PROJECT_ROLE_PERMISSIONS[projectRole]) granted.add(p);
  // Without read, nothing else is reachable: the node does not exist for this person.
  if (!granted.has("project.read")) granted.clear();
  return granted;
}

export function accountPermissionsFor(accountRole: AccountRole | null): Set<AccountPermission> {
  return new Set(accountRole ? ACCOUNT_ROLE_PERMISSIONS[accountRole].account : []);
}

/** Whether an account role sees every project (so listing need not consult bindings). */
export function seesEveryProject(accountRole: AccountRole | null): boolean {
  return !!accountRole && ACCOUNT_ROLE_PERMISSIONS[accountRole].everyProject.includes("project.read");
}
