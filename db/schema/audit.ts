import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export const actorType = pgEnum("actor_type", ["user", "access_key", "system"]);

/**
 * Append-only record of every change: who (person, key or the CLI), what, on which target,
 * before/after. Written in the same transaction as the change it describes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    /** The top-level project the change happened in, when there is one (per-project views include its subprojects). */
    projectId: text("project_id"),
    /** The subproject, when the change happened in one (what a subproject's own key may see). */
    subprojectId: text("subproject_id"),
    actorType: actorType("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_account_idx").on(t.accountId, t.id.desc()),
    index("audit_events_project_idx").on(t.projectId, t.id.desc()).where(sql`${t.projectId} is not null`),
    index("audit_events_subproject_idx").on(t.subprojectId, t.id.desc()).where(sql`${t.subprojectId} is not null`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
