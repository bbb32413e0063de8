import { listTreeProjects } from "@/lib/domain/tree";
import { portalHandler } from "@/lib/portal/handler";

/** Top-level projects the person may read, paged and filtered, with subproject counts. */
export const GET = portalHandler<{ accountId: string }>(async ({ params, user, request, authorizeAccount }) => {
  await authorizeAccount(params.accountId, "account.read");
  const search = new URL(request.url).searchParams;
  return listTreeProjects(user.id, params.accountId, { q: search.get("q"), label: search.get("label"), cursor: search.get("cursor") });
});
