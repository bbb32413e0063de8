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
 * Monthly totals per project-or-subproject (all products together), maintained in the same
 * transaction as the daily rollups. Per-subproject breakdowns and "top subprojects" over whole
 * months read one row per node and month: 100,000 rows for a month of a large reseller instead
 * of millions of day × product rows. The spend cap check reads its month total here too.
 */
export const usageMonthlyRollups = pgTable(
  "usage_monthly_rollups",
  {
    accountId: uuid("account_id").notNull(),
    projectId: text("project_id").notNull(),
    topProjectId: text("top_project_id").notNull(),
    /** First day (UTC) of the month. */
    month: date("month", { mode: "string" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull().default(0),
    events: bigint("events", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.month] }),
    index("usage_monthly_rollups_account_month_idx").on(t.accountId, t.month),
    index("usage_monthly_rollups_top_month_idx").on(t.topProjectId, t.month),
  ],
);

/**
 * Daily totals per top-level project × product, covering the project's own usage and all its
 * subprojects'. Account and project time series and product splits read days × products ×
 * projects rows, whatever the number of subprojects.
 */
export const usageDailyProjectRollups = pgTable(
  "usage_daily_project_rollups",
  {
    accountId: uuid("account_id").notNull(),
    topProjectId: text("top_project_id").notNull(),
    product: usageProduct("product").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    quantity: bigint("quantity", { mode: "number" }).notNull().default(0),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull().default(0),
    events: bigint("events", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.topProjectId, t.product, t.day] }), index("usage_daily_project_rollups_account_day_idx").on(t.accountId, t.day)],
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
