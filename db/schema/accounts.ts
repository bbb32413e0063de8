import { sql } from "drizzle-orm";
import { boolean, char, check, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const accountPlan = pgEnum("account_plan", ["enterprise", "standard"]);

/** The billing tenant: owns projects, people's account roles, currency and plan settings. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    plan: accountPlan("plan").notNull().default("standard"),
    /** ISO 4217; every amount in this account is in minor units of it. */
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    /** Self-service limits for non-enterprise plans (portal creation only; the API is not limited by them). */
    projectLimit: integer("project_limit").notNull().default(3),
    subprojectLimit: integer("subproject_limit").notNull().default(25),
    /** Off by default: subprojects are deleted through the API unless an admin enables it here. */
    portalSubprojectDeletion: boolean("portal_subproject_deletion").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("accounts_name_length", sql`char_length(${t.name}) between 1 and 255`),
    check("accounts_limits_non_negative", sql`${t.projectLimit} >= 0 and ${t.subprojectLimit} >= 0`),
  ],
);

export type Account = typeof accounts.$inferSelect;
