import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";

/**
 * A CSV onboarding of subprojects into one project: validated up front, then created by a
 * background job that can be cancelled and resumes after a restart. The same file (by SHA-256)
 * uploaded again to the same project finds this job instead of creating anything twice.
 */
export const bulkImports = pgTable(
  "bulk_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** queued → running → completed | cancelled | failed */
    state: text("state").notNull().default("queued"),
    totalRows: integer("total_rows").notNull(),
    createdRows: integer("created_rows").notNull().default(0),
    /** Worker lease: a job whose lease expired (server restart) is picked up again. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("bulk_imports_project_file_key").on(t.projectId, t.fileSha256),
    index("bulk_imports_runnable_idx").on(t.leaseUntil).where(sql`${t.state} in ('queued', 'running')`),
  ],
);

/** One validated CSV row; subproject_id is set in the same transaction that creates it (resumable, never twice). */
export const bulkImportRows = pgTable(
  "bulk_import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => bulkImports.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    displayName: text("display_name").notNull(),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    subprojectId: text("subproject_id"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index("bulk_import_rows_pending_idx").on(t.importId, t.rowNumber).where(sql`${t.subprojectId} is null`)],
);
