import { z } from "zod";
import { PROJECT_ROLES } from "@/lib/authz/roles";
import { accountRoleSchema, emailSchema, passwordSchema, personNameSchema } from "./people";
import { nodeIdSchema } from "./projects";

export const projectRoleSchema = z.enum(PROJECT_ROLES);

/** Grant a project role to an existing person, or to a new one created on the spot (name + password). */
export const grantProjectRoleInput = z.object({
  projectId: nodeIdSchema,
  email: emailSchema,
  role: projectRoleSchema,
  newUser: z.object({ name: personNameSchema, password: passwordSchema }).optional(),
});

export const revokeProjectRoleInput = z.object({ projectId: nodeIdSchema, userId: z.uuid() });

export const setAccountRoleInput = z.object({ accountId: z.uuid(), userId: z.uuid(), role: accountRoleSchema });
export const removeAccountMemberInput = z.object({ accountId: z.uuid(), userId: z.uuid() });

export const accountSettingsInput = z.object({
  accountId: z.uuid(),
  plan: z.enum(["enterprise", "standard"]).optional(),
  projectLimit: z.number().int().min(0).max(1_000_000).optional(),
  subprojectLimit: z.number().int().min(0).max(10_000_000).optional(),
  portalSubprojectDeletion: z.boolean().optional(),
});
