import { createHash, randomBytes } from "node:crypto";

/** A new access-key secret: 256 bits, URL-safe. High entropy, so a plain SHA-256 digest is safe to store. */
export function newKeySecret(): string {
  return randomBytes(32).toString("base64url");
}

export function secretDigest(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}
