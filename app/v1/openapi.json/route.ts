import { openApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 document (public: it describes, it does not grant). */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
