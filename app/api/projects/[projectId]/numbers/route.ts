import { rentAnyNumber, rentNumber } from "@/lib/domain/number-rentals";
import { listActiveNumbers } from "@/lib/domain/numbers";
import { portalHandler } from "@/lib/portal/handler";

/** The numbers a project or subproject rents, a page at a time (`?pageToken=&pattern=`). */
export const GET = portalHandler<{ projectId: string }>(async ({ params, request, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.read");
  const search = new URL(request.url).searchParams;
  const pattern = search.get("pattern")?.trim();
  return listActiveNumbers(params.projectId, {
    pageSize: Number(search.get("pageSize") ?? 50),
    pageToken: search.get("pageToken"),
    numberPattern: pattern ? { pattern, searchPattern: "CONTAINS" } : undefined,
  });
});

/** Rents `{phoneNumber, …configuration}`, or the first match of `{regionCode, type, …}` when no number is named. */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  const { phoneNumber, ...rest } = (body ?? {}) as { phoneNumber?: unknown };
  const activeNumber = phoneNumber !== undefined ? await rentNumber(actor, params.projectId, phoneNumber, rest) : await rentAnyNumber(actor, params.projectId, rest);
  return { activeNumber };
});
