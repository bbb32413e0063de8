import { z } from "zod";
import { addDays, type DayRange } from "@/lib/domain/cost-range";
import type { CostGroup } from "@/lib/domain/cost-reports";
import { groupingName, type CostGrouping } from "@/lib/domain/cost-scope";
import type { SpendCapView } from "@/lib/domain/spend-caps";
import { MoneySchema, wireMoney } from "./money";
import { pageQuery, timestamp } from "./common";

export const usageQuery = pageQuery.extend({
  startTime: z.string().max(64).optional().describe("Inclusive (RFC 3339 or YYYY-MM-DD), widened to the start of its UTC day. Default: the first day of the current month"),
  endTime: z.string().max(64).optional().describe("Exclusive (RFC 3339 or YYYY-MM-DD), widened to the end of the UTC day before it. Default: the end of the current month"),
  groupBy: z
    .string()
    .regex(/^(subproject|product|day|label:.{1,255})$/, "must be subproject, product, day or label:<key>")
    .default("subproject")
    .describe("subproject (a project's own usage has subprojectId null), product, day, or label:<key> (e.g. label:region)"),
});

const UsageGroupSchema = z
  .object({
    subprojectId: z.string().nullable().optional().describe("groupBy=subproject: the subproject, or null for the project's own usage"),
    displayName: z.string().optional().describe("groupBy=subproject: the node's display name"),
    product: z.string().optional().describe("groupBy=product: SMS, VOICE, VERIFICATION, NUMBER_SETUP or NUMBER_MONTHLY"),
    day: z.string().optional().describe("groupBy=day: the UTC day, YYYY-MM-DD"),
    labelValue: z.string().nullable().optional().describe("groupBy=label:<key>: the label's value, or null for nodes without it"),
    quantity: z.number().int().nullable().describe("Units of the product (messages, minutes, verifications, months); null when the group mixes products"),
    events: z.number().int().describe("Ledger rows"),
    cost: MoneySchema,
    costMinor: z.number().int().describe("The cost in minor units of the currency"),
  })
  .meta({ id: "UsageGroup" });

export const UsageReportSchema = z
  .object({
    projectId: z.string().describe("The project or subproject the report covers (a project's includes its subprojects)"),
    startTime: timestamp.describe("Start of the first UTC day covered"),
    endTime: timestamp.describe("End (exclusive) of the last UTC day covered"),
    groupBy: z.string(),
    total: MoneySchema,
    totalMinor: z.number().int(),
    events: z.number().int(),
    usage: z.array(UsageGroupSchema).describe("Groups in key order; all pages together sum to total"),
    nextPageToken: z.string(),
  })
  .meta({ id: "UsageReport" });

function groupKey(group: CostGroup, grouping: CostGrouping) {
  switch (grouping.by) {
    case "product":
      return { product: group.key.toUpperCase() };
    case "day":
      return { day: group.key };
    case "label":
      return { labelValue: group.key === "" ? null : group.key };
    default:
      return { subprojectId: group.isSubproject ? group.key : null, displayName: group.name };
  }
}

export function wireUsageReport(input: { projectId: string; range: DayRange; grouping: CostGrouping; currency: string; total: { amountMinor: number; events: number }; groups: CostGroup[]; nextPageToken: string }): z.infer<typeof UsageReportSchema> {
  const money = (minor: number) => wireMoney({ currency: input.currency, minor });
  return {
    projectId: input.projectId,
    startTime: `${input.range.from}T00:00:00Z`,
    endTime: `${addDays(input.range.to, 1)}T00:00:00Z`,
    groupBy: groupingName(input.grouping),
    total: money(input.total.amountMinor),
    totalMinor: input.total.amountMinor,
    events: input.total.events,
    usage: input.groups.map((g) => ({ ...groupKey(g, input.grouping), quantity: g.quantity, events: g.events, cost: money(g.amountMinor), costMinor: g.amountMinor })),
    nextPageToken: input.nextPageToken,
  };
}

export const SpendCapSchema = z
  .object({
    subprojectId: z.string(),
    monthlyCap: MoneySchema.nullable().describe("Null: no cap"),
    monthlyCapMinor: z.number().int().nullable(),
    month: z.string().describe("The current UTC month's first day"),
    monthToDate: MoneySchema,
    monthToDateMinor: z.number().int(),
    warned: z.boolean().describe("spend.warning (80 %) was sent this month"),
    capped: z.boolean().describe("spend.capReached (100 %) was sent this month"),
    suspendedByCap: z.boolean().describe("Suspended by the cap; raising the cap above the month's spend, or a new month, resumes it"),
  })
  .meta({ id: "SpendCap" });

export const spendCapBody = z.object({
  monthlyCap: z
    .object({ currencyCode: z.string().optional(), amount: z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be a positive decimal string, e.g. "250.00"') })
    .nullable()
    // Checked by the handler after the target is resolved, so a wrong target is a 404 whatever the body.
    .optional()
    .describe("Required. The monthly cap in the account's currency; null removes it"),
});

export function wireSpendCap(v: SpendCapView): z.infer<typeof SpendCapSchema> {
  return {
    subprojectId: v.subprojectId,
    monthlyCap: v.monthlyCapMinor === null ? null : wireMoney({ currency: v.currency, minor: v.monthlyCapMinor }),
    monthlyCapMinor: v.monthlyCapMinor,
    month: v.month,
    monthToDate: wireMoney({ currency: v.currency, minor: v.monthToDateMinor }),
    monthToDateMinor: v.monthToDateMinor,
    warned: v.warned,
    capped: v.capped,
    suspendedByCap: v.suspendedByCap,
  };
}
