import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/observability/log";

// Pages anyone may open; every other page needs a session.
const PUBLIC_PAGES = ["/signin"];

/**
 * Optimistic gate only (DESIGN §2): is there a valid session cookie? Permissions are checked by
 * each page, route handler and action against the database. Also sets the per-request CSP nonce.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(p + "/"))) {
    const token = await getToken({ req: request, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
    if (!token?.sub) {
      const signIn = new URL("/signin", request.url);
      signIn.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(signIn);
    }
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const requestId = requestIdOf(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Pages only: the JSON APIs (/api, /v1, /v1alpha1, /oauth2), health checks and static files authenticate themselves.
  matcher: ["/((?!api/|v1/|v1alpha1/|oauth2/|healthz|readyz|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
