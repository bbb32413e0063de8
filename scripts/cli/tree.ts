import { cliActor } from "@/lib/domain/actor";
import { updateAccountSettings } from "@/lib/domain/account-settings";
import { DomainError } from "@/lib/domain/errors";
import { grantProjectRole, revokeProjectRole } from "@/lib/domain/project-members";
import { createProject, createSubproject } from "@/lib/domain/projects";
import { findUserByEmail } from "@/lib/domain/users";
import { optionalInt, requireString, UsageError, type CliCommand } from "./command";

// The CLI is the operator's tool: plan limits (a portal self-service rule) do not apply to it.
const unlimited = { enforceSelfServiceLimits: false };

function parseLabels(raw: string | boolean | string[] | undefined): Record<string, string> {
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  const labels: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`--label must look like key=value (got "${item}")`);
    labels[item.slice(0, at)] = item.slice(at + 1);
  }
  return labels;
}

export const treeCommands: CliCommand[] = [
  {
    name: "create-project",
    summary: "Create a top-level project in an account",
    usage: "create-project --account ACCOUNT_ID --name NAME",
    options: { account: { type: "string" }, name: { type: "string" } },
    async run(v) {
      const p = await createProject(cliActor, { accountId: requireString(v, "account"), displayName: requireString(v, "name") }, unlimited);
      return { text: `Created project ${p.id} "${p.displayName}"`, json: { projectId: p.id, accountId: p.accountId, displayName: p.displayName } };
    },
  },
  {
    name: "create-subproject",
    summary: "Create a subproject under a top-level project",
    usage: "create-subproject --project PROJECT_ID --name NAME [--label key=value]…",
    options: { project: { type: "string" }, name: { type: "string" }, label: { type: "string", multiple: true } },
    async run(v) {
      const s = await createSubproject(cliActor, { parentProjectId: requireString(v, "project"), displayName: requireString(v, "name"), labels: parseLabels(v.label) }, unlimited);
      return { text: `Created subproject ${s.id} "${s.displayName}" under ${s.parentId}`, json: { subprojectId: s.id, parentProjectId: s.parentId, displayName: s.displayName, labels: s.labels } };
    },
  },
  {
    name: "grant",
    summary: "Give a person a role on a top-level project (and so on its subprojects)",
    usage: "grant --project PROJECT_ID --email EMAIL --role project_admin|developer|viewer",
    options: { project: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
    async run(v) {
      const m = await grantProjectRole(cliActor, { projectId: requireString(v, "project"), email: requireString(v, "email"), role: requireString(v, "role") });
      return { text: `${m.email} is now ${m.role} on project ${requireString(v, "project")}`, json: { projectId: v.project, userId: m.userId, email: m.email, role: m.role } };
    },
  },
  {
    name: "revoke",
    summary: "Remove a person's role on a project",
    usage: "revoke --project PROJECT_ID --email EMAIL",
    options: { project: { type: "string" }, email: { type: "string" } },
    async run(v) {
      const email = requireString(v, "email");
      const user = await findUserByEmail(email);
      if (!user) throw new DomainError("NOT_FOUND", `No user with email ${email}`);
      await revokeProjectRole(cliActor, { projectId: requireString(v, "project"), userId: user.id });
      return { text: `${user.email} no longer has a role on project ${v.project}`, json: { projectId: v.project, userId: user.id, email: user.email } };
    },
  },
  {
    name: "set-plan",
    summary: "Set an account's plan and self-service limits",
    usage: "set-plan --account ACCOUNT_ID --plan enterprise|standard [--project-limit N] [--subproject-limit N] [--portal-deletion on|off]",
    options: { account: { type: "string" }, plan: { type: "string" }, "project-limit": { type: "string" }, "subproject-limit": { type: "string" }, "portal-deletion": { type: "string" } },
    async run(v) {
      const deletion = v["portal-deletion"];
      if (deletion !== undefined && deletion !== "on" && deletion !== "off") throw new UsageError("--portal-deletion must be on or off");
      const a = await updateAccountSettings(cliActor, {
        accountId: requireString(v, "account"),
        plan: requireString(v, "plan"),
        projectLimit: optionalInt(v, "project-limit"),
        subprojectLimit: optionalInt(v, "subproject-limit"),
        portalSubprojectDeletion: deletion === undefined ? undefined : deletion === "on",
      });
      const limits = a.plan === "enterprise" ? "no portal limits" : `portal limits: ${a.projectLimit} projects, ${a.subprojectLimit} subprojects`;
      return {
        text: `Account ${a.id} is on the ${a.plan} plan (${limits}; portal deletion ${a.portalSubprojectDeletion ? "on" : "off"})`,
        json: { accountId: a.id, plan: a.plan, projectLimit: a.projectLimit, subprojectLimit: a.subprojectLimit, portalSubprojectDeletion: a.portalSubprojectDeletion },
      };
    },
  },
];
