/**
 * Cross-site request check for cookie-authenticated mutations: browsers send Sec-Fetch-Site on
 * every fetch; older ones send Origin. A request carrying neither is not from a browser page
 * (no ambient cookie risk), but we still refuse it because the portal API is browser-only.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? new URL(requestUrl).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
