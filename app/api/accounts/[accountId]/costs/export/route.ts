import { costCsvResponse } from "@/lib/portal/cost-csv";
import { costSearchOf } from "@/lib/portal/cost-search";
import { portalHandler } from "@/lib/portal/handler";

/** CSV of the account's cost breakdown, as the account cost page shows it. */
export const GET = portalHandler<{ accountId: string }>(async ({ request, params, authorizeAccount }) => {
  await authorizeAccount(params.accountId, "usage.read");
  return costCsvResponse({ kind: "account", accountId: params.accountId }, costSearchOf(request.url), "account");
});
