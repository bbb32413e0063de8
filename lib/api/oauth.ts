import { authorizeKey } from "@/lib/authz/keys";
import { secretDigest } from "@/lib/authz/secrets";
import { parseAuthorization } from "./credentials";
import { isDatabaseUnavailable } from "./database-errors";
import { hitRateLimit, rateLimitHeaders } from "./rate-limit";
import { issueAccessToken } from "./token";

const TOKENS_PER_MINUTE = Number(process.env.OAUTH_RATE_LIMIT ?? 120);

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}) {
  return Response.json({ error, error_description: description }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * `POST /oauth2/token`, client-credentials grant: the access key as HTTP Basic or as
 * client_id/client_secret form fields. Answers a signed JWT valid for 3599 s.
 */
export async function tokenEndpoint(request: Request): Promise<Response> {
  try {
    const text = await request.text();
    if (text.length > 8192) return oauthError(400, "invalid_request", "Request body too large");
    const form = new URLSearchParams(text);
    if (form.get("grant_type") !== "client_credentials") return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    const basic = parseAuthorization(request.headers.get("authorization"));
    const clientId = basic.kind === "basic" ? basic.keyId : form.get("client_id");
    const clientSecret = basic.kind === "basic" ? basic.secret : form.get("client_secret");
    if (!clientId || !clientSecret) return oauthError(401, "invalid_client", "Client authentication failed", { "WWW-Authenticate": 'Basic realm="oauth2"' });

    const limit = await hitRateLimit(`oauth:${clientId.slice(0, 64)}`, TOKENS_PER_MINUTE, 60);
    if (!limit.allowed) return oauthError(429, "slow_down", "Too many token requests for this client", rateLimitHeaders(limit));

    const auth = await authorizeKey({ keyId: clientId, secretDigest: secretDigest(clientSecret) }, null);
    if (!auth.ok) return oauthError(401, "invalid_client", "Client authentication failed", { "WWW-Authenticate": 'Basic realm="oauth2"' });
    const { token, expiresIn } = await issueAccessToken(auth.principal.keyId, auth.principal.projectId);
    return Response.json({ access_token: token, expires_in: expiresIn, scope: "", token_type: "bearer" }, { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return oauthError(503, "temporarily_unavailable", "Retry shortly", { "Retry-After": "1" });
    console.error(JSON.stringify({ level: "error", msg: "token endpoint failed", error: String(error) }));
    return oauthError(500, "server_error", "Internal error");
  }
}
