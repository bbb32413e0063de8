import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findUserById, type PublicUser } from "@/lib/domain/users";
import { authOptions } from "./options";

/**
 * The signed-in person for this request, read from the database (once per request): a user
 * deleted since sign-in is treated as signed out.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return findUserById(userId);
});

export async function requireUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
