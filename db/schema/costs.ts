import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { usageProduct } from "./usage";
import { projects } from "./projects";

/**
 * Daily totals per project-or-subproject × product, maintained in the same transaction as each
 * ledger insert, so cost reports read days × products instead of scanning the raw ledger.
 */
export const usageDailyRollups = pgTable(
  "usage_daily_rollups",
  {
    accountId: uuid("account_id").notNull(),
    projectId: text("project_id").notNull(),
    topProjectId: text("top_project_id").notNull(),
    product: usageProduct("product").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    quantity: bigint("quantity", { mode: "number" }).notNull().default(0),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull().default(0),
    events: integer("events").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.product, t.day] }),
    index("usage_daily_rollups_account_day_idx").on(t.accountId, t.day),
    index("usage_daily_rollups_top_day_idx").on(t.topProjectId, t.day),
  ],
);

/**
 * A monthly spend cap on a subproject, set by its parent project's admins. The month markers
 * make the 80 % warning and the 100 % suspension happen exactly once per month.
 */
export const spendCaps = pgTable(
  "spend_caps",
  {
    projectId: text("project_id")
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    monthlyCapMinor: bigint("monthly_cap_minor", { mode: "number" }).notNull(),
    /** First day (UTC) of the month the warning / cap event was sent for. */
    warnedMonth: date("warned_month", { mode: "string" }),
    cappedMonth: date("capped_month", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("spend_caps_positive", sql`${t.monthlyCapMinor} > 0`)],
);
