import { parseDayRange } from "@/lib/domain/cost-range";
import { rebuildRollups } from "@/lib/domain/usage-rollups";
import { requireString, type CliCommand } from "./command";

export const usageCommands: CliCommand[] = [
  {
    name: "rebuild-rollups",
    summary: "Recompute the cost rollups of the UTC months covering a date range from the usage ledger (repair; idempotent)",
    usage: "rebuild-rollups --from YYYY-MM-DD --to YYYY-MM-DD [--account ACCOUNT_ID]",
    options: { from: { type: "string" }, to: { type: "string" }, account: { type: "string" } },
    async run(v) {
      const range = parseDayRange({ from: requireString(v, "from"), to: requireString(v, "to") });
      const r = await rebuildRollups(range.from, range.to, { accountId: typeof v.account === "string" ? v.account : undefined });
      return {
        text: `Rebuilt rollups for ${r.range.from}..${r.range.to} from ${r.ledgerRows} ledger rows: ${r.dailyRows} daily, ${r.monthlyRows} monthly, ${r.projectDailyRows} per-project daily rows`,
        json: { ...r },
      };
    },
  },
];
