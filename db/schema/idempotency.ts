import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Stored responses of mutating /v1 calls sent with an Idempotency-Key, per credential. Written in
 * the same transaction as the mutation, so a crash loses both or neither: a retry runs once.
 */
export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    credential: text("credential").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.credential, t.key] }), index("idempotency_records_expiry_idx").on(t.expiresAt)],
);
