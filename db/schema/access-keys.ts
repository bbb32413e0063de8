import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

/**
 * API credentials of one project or subproject. The secret is shown once at creation; only its
 * SHA-256 digest is kept, looked up through a unique index.
 */
export const accessKeys = pgTable(
  "access_keys",
  {
    /** The key ID, also the OAuth2 client_id. */
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    secretDigest: text("secret_digest").notNull(),
    /** Last characters of the secret, so people can tell keys apart without the secret. */
    secretHint: text("secret_hint").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per key, so hot keys do not turn every request into a write. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("access_keys_secret_digest_key").on(t.secretDigest),
    uniqueIndex("access_keys_project_name_key").on(t.projectId, t.displayName),
    index("access_keys_project_idx").on(t.projectId, t.createdAt, t.id),
  ],
);

export type AccessKey = typeof accessKeys.$inferSelect;
