import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { projects } from "./projects";

/** The API configuration a project or subproject hosts, one row type for every product's app. */
export const appKind = pgEnum("app_kind", ["sms_service_plan", "conversation", "voice", "verification"]);

export const apps = pgTable(
  "apps",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: appKind("kind").notNull(),
    displayName: text("display_name").notNull(),
    callbackUrl: text("callback_url"),
    /** Processing region, e.g. "eu" or "us". */
    region: text("region").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lets numbers reference an app of *their own* project through a composite foreign key.
    unique("apps_id_project_key").on(t.id, t.projectId),
    index("apps_project_idx").on(t.projectId, t.kind, t.displayName),
    check("apps_display_name_length", sql`char_length(${t.displayName}) between 1 and 255`),
  ],
);

export type App = typeof apps.$inferSelect;
export type AppKind = (typeof appKind.enumValues)[number];
