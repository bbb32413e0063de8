import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/**
 * Projects and subprojects share one row type: a subproject hosts resources exactly like a
 * project, so every resource has one owner column pointing here, whichever tier.
 * Tier is `parent_id is null`. Invariants Postgres enforces itself (see migration 0001):
 * - ID shape by tier: projects 32 lowercase hex, subprojects ULIDs;
 * - a subproject's parent is in the same account (composite foreign key) and is top-level (trigger);
 * - account_id and parent_id never change (trigger), so no cycle can form.
 */
export const projects = pgTable(
  "projects",
  {
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    parentId: text("parent_id"),
    displayName: text("display_name").notNull(),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Soft delete: set by the API; the row is purged after purgeAt. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    purgeAt: timestamp("purge_at", { withTimezone: true }),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedReason: text("suspended_reason"),
  },
  (t) => [
    unique("projects_id_account_key").on(t.id, t.accountId),
    foreignKey({ name: "projects_parent_same_account_fk", columns: [t.parentId, t.accountId], foreignColumns: [t.id, t.accountId] }),
    check(
      "projects_id_shape",
      sql`(${t.parentId} is null and ${t.id} ~ '^[0-9a-f]{32}$') or (${t.parentId} is not null and ${t.id} ~ '^[0-9A-HJKMNP-TV-Z]{26}$')`,
    ),
    check("projects_not_own_parent", sql`${t.parentId} is distinct from ${t.id}`),
    check("projects_display_name_length", sql`char_length(${t.displayName}) between 1 and 255`),
    check("projects_labels_object", sql`jsonb_typeof(${t.labels}) = 'object'`),
    index("projects_account_top_idx").on(t.accountId, t.displayName, t.id).where(sql`${t.parentId} is null`),
    index("projects_account_sub_idx").on(t.accountId).where(sql`${t.parentId} is not null and ${t.deletedAt} is null`),
    index("projects_parent_idx").on(t.parentId, t.id).where(sql`${t.parentId} is not null`),
    // Live-subproject counts (project page, account tree) become index-only scans.
    index("projects_parent_live_idx").on(t.parentId).where(sql`${t.parentId} is not null and ${t.deletedAt} is null`),
    index("projects_parent_name_idx").on(t.parentId, t.displayName, t.id).where(sql`${t.parentId} is not null`),
    index("projects_labels_idx").using("gin", t.labels.op("jsonb_path_ops")),
    index("projects_name_trgm_idx").using("gin", t.displayName.op("gin_trgm_ops")),
    index("projects_purge_idx").on(t.purgeAt).where(sql`${t.deletedAt} is not null`),
  ],
);

export type Project = typeof projects.$inferSelect;
