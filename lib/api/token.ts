import { createHmac, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export const TOKEN_LIFETIME_SECONDS = 3599;

let cachedKey: Uint8Array | undefined;
/**
 * The HMAC key that signs API access tokens: API_TOKEN_SECRET, else derived from the session
 * secret (so one configured secret covers both, without the two ever being the same key).
 */
function signingKey(): Uint8Array {
  if (cachedKey) return cachedKey;
  const explicit = process.env.API_TOKEN_SECRET;
  const base = explicit ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!base) throw new Error("API_TOKEN_SECRET (or AUTH_SECRET / NEXTAUTH_SECRET) must be set to issue API tokens");
  cachedKey = explicit ? new TextEncoder().encode(explicit) : new Uint8Array(createHmac("sha256", base).update("build-portal api access token v1").digest());
  return cachedKey;
}

/** A signed JWT for an access key; the SDK reads `exp` to refresh it ahead of expiry. */
export async function issueAccessToken(keyId: string, projectId: string): Promise<{ token: string; expiresIn: number }> {
  const token = await new SignJWT({ pid: projectId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(keyId)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .setJti(randomUUID())
    .sign(signingKey());
  return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
}

// Tokens already verified, with their expiry: an SDK sends the same token for up to an hour, and
// an HMAC check plus JSON parsing per request is CPU the API can spend elsewhere. Revocation does
// not depend on this: every request still looks the key up (authorizeKey).
const verified = new Map<string, { keyId: string; expiresAt: number }>();
const VERIFIED_CACHE_SIZE = 10_000;

/** The key ID a token was issued for, or null when the token is forged, malformed or expired. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  const known = verified.get(token);
  if (known) {
    if (known.expiresAt > Date.now()) return known.keyId;
    verified.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, signingKey(), { algorithms: ["HS256"] });
    if (typeof payload.sub !== "string") return null;
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    if (payload.exp) verified.set(token, { keyId: payload.sub, expiresAt: payload.exp * 1000 });
    return payload.sub;
  } catch {
    return null;
  }
}
