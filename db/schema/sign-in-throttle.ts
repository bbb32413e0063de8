import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-in counters per (scope, key) in fixed windows. Shared by every server instance;
 * each failure is one atomic upsert, so throttling never holds a lock across requests.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    scope: text("scope").notNull(), // "email" | "ip"
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key, t.windowStart] })],
);
