import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createUserInput, emailSchema, resetPasswordInput } from "@/lib/schemas/people";
import type { Actor } from "./actor";
import { DomainError, isUniqueViolation } from "./errors";
import { parseInput } from "./validate";

export type PublicUser = Pick<User, "id" | "email" | "name" | "createdAt">;

const publicColumns = { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt };

/** Creates a person who can sign in. Emails are unique regardless of case. */
export async function createUser(_actor: Actor, input: unknown): Promise<PublicUser> {
  const { email, password, name } = parseInput(createUserInput, input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  try {
    const [user] = await db.insert(users).values({ email, name, passwordHash }).returning(publicColumns);
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("ALREADY_EXISTS", `A user with email ${email} already exists`);
    throw error;
  }
}

/** Looks a person up by email, case-insensitively; null when there is none. */
export async function findUserByEmail(email: string): Promise<User | null> {
  const normalized = emailSchema.safeParse(email);
  if (!normalized.success) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalized.data}`);
  return user ?? null;
}

export async function findUserById(userId: string): Promise<PublicUser | null> {
  const db = await getDb();
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, userId));
  return user ?? null;
}

/** Sets a new password (self-hosters' recovery path through the CLI). */
export async function resetPassword(_actor: Actor, input: unknown): Promise<PublicUser> {
  const { email, password } = parseInput(resetPasswordInput, input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const [user] = await db
    .update(users)
    .set({ passwordHash, updatedAt: new Date() })
    .where(sql`lower(${users.email}) = ${email}`)
    .returning(publicColumns);
  if (!user) throw new DomainError("NOT_FOUND", `No user with email ${email}`);
  return user;
}
