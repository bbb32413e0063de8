import { isDatabaseReady } from "@/lib/health";

/** Readiness: the database answers and every migration in db/migrations is applied. */
export async function GET() {
  const ready = await isDatabaseReady();
  return Response.json({ status: ready.ok ? "ready" : "unavailable", ...ready }, { status: ready.ok ? 200 : 503 });
}
