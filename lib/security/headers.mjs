/**
 * Security headers that hold for every response. next.config.mjs applies them to what Next.js
 * serves; the API listener (lib/http/api-listener.ts) to the /v1 responses it serves itself.
 * Plain JS because next.config.mjs imports it; the CSP with its per-request nonce is in proxy.ts.
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
