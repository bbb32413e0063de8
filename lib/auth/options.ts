import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword } from "./authenticate";
import { safeCallbackPath } from "./callback-url";

/** Message the sign-in form maps to the "too many attempts" text (next-auth passes thrown messages through). */
export const THROTTLED_ERROR = "TooManyAttempts";

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  // The cookie carries only the user id: roles and permissions are read from the database per request.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticateWithPassword(credentials?.email, credentials?.password, clientAddress(req?.headers));
        if (result.ok) return { id: result.userId };
        if (result.reason === "throttled") throw new Error(THROTTLED_ERROR);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return { sub: user?.id ?? token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
    redirect({ url, baseUrl }) {
      return baseUrl + safeCallbackPath(url, baseUrl);
    },
  },
};
