import { searchAvailableNumbers } from "@/lib/domain/numbers";
import { portalHandler } from "@/lib/portal/handler";

/** Numbers in stock: `?regionCode=&type=&pattern=&searchPattern=&capabilities=SMS,VOICE`, priced in the account's currency. */
export const GET = portalHandler<{ projectId: string }>(async ({ params, request, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.read");
  const search = new URL(request.url).searchParams;
  const pattern = search.get("pattern")?.trim();
  const capabilities = search.get("capabilities")?.split(",").filter(Boolean);
  const availableNumbers = await searchAvailableNumbers(params.projectId, {
    regionCode: search.get("regionCode") ?? undefined,
    type: search.get("type") ?? undefined,
    numberPattern: pattern ? { pattern, searchPattern: search.get("searchPattern") ?? "CONTAINS" } : undefined,
    capabilities: capabilities?.length ? capabilities : undefined,
    size: 25,
  });
  return { availableNumbers };
});
