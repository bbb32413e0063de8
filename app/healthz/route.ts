/** Liveness: the process answers. Readiness (database, migrations) is /readyz. */
export function GET() {
  return Response.json({ status: "ok" });
}
