import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Query string as an object: repeated keys become arrays, dotted keys stay as written (e.g. `numberPattern.pattern`). */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** The raw body, refused (400) past the size limit, whatever Content-Length claimed. */
export async function bodyTextOf(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError("INVALID_ARGUMENT", `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError("INVALID_ARGUMENT", `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  return text;
}

/** The JSON body, `{}` when empty (the SDK sends bodiless POSTs), 400 when malformed. */
export function parseJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_ARGUMENT", "Request body is not valid JSON", [{ field: "(body)", description: "is not valid JSON" }]);
  }
}
