import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be an email address")
  .transform((email) => email.toLowerCase());

export const passwordSchema = z.string().min(10, "must be at least 10 characters").max(200);

export const personNameSchema = z.string().trim().min(1, "is required").max(255);

export const accountRoles = ["admin", "user_manager", "member", "billing_viewer"] as const;
export const accountRoleSchema = z.enum(accountRoles);

export const accountPlans = ["enterprise", "standard"] as const;
export const accountPlanSchema = z.enum(accountPlans);

export const createUserInput = z.object({ email: emailSchema, password: passwordSchema, name: personNameSchema });
export const createAccountInput = z.object({
  name: z.string().trim().min(1, "is required").max(255),
  plan: accountPlanSchema.default("standard"),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code").default("USD"),
});
export const addMemberInput = z.object({
  accountId: z.uuid(),
  email: emailSchema,
  role: accountRoleSchema,
  /** Create the person on the spot when no one has this email yet. */
  newUser: z.object({ name: personNameSchema, password: passwordSchema }).optional(),
});
export const resetPasswordInput = z.object({ email: emailSchema, password: passwordSchema });
