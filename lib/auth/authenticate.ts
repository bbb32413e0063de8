import { findUserByEmail } from "@/lib/domain/users";
import { emailSchema } from "@/lib/schemas/people";
import { decoyPasswordHash, verifyPassword } from "./password";
import { isSignInThrottled, recordSignInFailure } from "./sign-in-throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks an email + password. Unknown email and wrong password are the same "invalid" answer,
 * equally slow; too many failures for the email or the address answer "throttled" before any check.
 */
export async function authenticateWithPassword(rawEmail: unknown, password: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = emailSchema.safeParse(rawEmail);
  const email = parsed.success ? parsed.data : String(rawEmail ?? "").slice(0, 254).toLowerCase();
  if (await isSignInThrottled(email, ip)) return { ok: false, reason: "throttled" };
  const user = parsed.success && typeof password === "string" ? await findUserByEmail(email) : null;
  const valid = await verifyPassword(typeof password === "string" ? password : "", user?.passwordHash ?? (await decoyPasswordHash()));
  if (user && valid) return { ok: true, userId: user.id };
  await recordSignInFailure(email, ip);
  return { ok: false, reason: "invalid" };
}
