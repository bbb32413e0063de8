/**
 * Reduces a requested post-sign-in destination to a same-origin path. Anything that could leave
 * the origin (absolute URLs, protocol-relative `//host`, backslash tricks) falls back to "/".
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return "/";
  let candidate = raw.trim();
  if (origin && candidate.startsWith(origin + "/")) candidate = candidate.slice(origin.length);
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return "/";
  // Control characters can be normalised away by browsers into "//".
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return "/";
  try {
    const url = new URL(candidate, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return "/";
    if (url.pathname.startsWith("/signin")) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
