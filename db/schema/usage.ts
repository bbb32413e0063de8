import { sql } from "drizzle-orm";
import { bigint, bigserial, char, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const usageProduct = pgEnum("usage_product", ["sms", "voice", "verification", "number_setup", "number_monthly"]);

/**
 * The usage ledger: one row per billable event or charge, append-only (corrections are new
 * rows). Amounts in integer minor units of the account's currency.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The project or subproject the charge belongs to. */
    projectId: text("project_id").notNull(),
    /** Its top-level project (itself for a project), so project reports need no join. */
    topProjectId: text("top_project_id").notNull(),
    product: usageProduct("product").notNull(),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    /** What was charged for, e.g. the phone number. */
    reference: text("reference"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("usage_events_amount", sql`${t.amountMinor} = ${t.quantity} * ${t.unitPriceMinor}`),
    index("usage_events_project_time_idx").on(t.projectId, t.occurredAt),
    index("usage_events_account_time_idx").on(t.accountId, t.occurredAt),
  ],
);

export type UsageEvent = typeof usageEvents.$inferSelect;
export type UsageProduct = (typeof usageProduct.enumValues)[number];
