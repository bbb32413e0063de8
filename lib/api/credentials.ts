/** What an Authorization header carries, before any database check. */
export type PresentedCredential =
  | { kind: "bearer"; token: string }
  | { kind: "basic"; keyId: string; secret: string }
  | { kind: "none" }
  | { kind: "malformed" };

export function parseAuthorization(header: string | null): PresentedCredential {
  if (!header) return { kind: "none" };
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return { kind: "malformed" };
  if (/^bearer$/i.test(scheme)) return { kind: "bearer", token: value };
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const at = decoded.indexOf(":");
    if (at <= 0) return { kind: "malformed" };
    return { kind: "basic", keyId: decoded.slice(0, at), secret: decoded.slice(at + 1) };
  }
  return { kind: "malformed" };
}
