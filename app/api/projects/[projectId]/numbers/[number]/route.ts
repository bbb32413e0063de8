import { releaseNumber, updateActiveNumber } from "@/lib/domain/number-rentals";
import { getActiveNumber } from "@/lib/domain/numbers";
import { portalHandler } from "@/lib/portal/handler";

// The path carries the number's digits without "+": a "+" in a path segment is too easily mangled.
type Params = { projectId: string; number: string };
const e164 = (digits: string) => `+${digits}`;

export const GET = portalHandler<Params>(async ({ params, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.read");
  return { activeNumber: await getActiveNumber(params.projectId, e164(params.number)) };
});

/** Display name, SMS service plan, voice app and callback URL (absent fields unchanged, null or "" clears). */
export const PATCH = portalHandler<Params>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  return { activeNumber: await updateActiveNumber(actor, params.projectId, e164(params.number), body) };
});

/** Releases the number back to inventory. */
export const DELETE = portalHandler<Params>(async ({ params, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  return { activeNumber: await releaseNumber(actor, params.projectId, e164(params.number)) };
});
