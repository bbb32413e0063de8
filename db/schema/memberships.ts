import { index, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/** Account roles (DESIGN §2); their permissions live in lib/authz/roles.ts. */
export const accountRole = pgEnum("account_role", ["admin", "user_manager", "member", "billing_viewer"]);

/** A person's role on an account. One row per person per account. */
export const accountMemberships = pgTable(
  "account_memberships",
  {
    accountId: uuid("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: accountRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index("account_memberships_user_idx").on(t.userId)],
);

export type AccountMembership = typeof accountMemberships.$inferSelect;
export type AccountRole = (typeof accountRole.enumValues)[number];
