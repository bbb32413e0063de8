CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."project_role" AS ENUM('project_admin', 'developer', 'viewer');--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"parent_id" text,
	"display_name" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"purge_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"suspended_reason" text,
	CONSTRAINT "projects_id_account_key" UNIQUE("id","account_id"),
	CONSTRAINT "projects_id_shape" CHECK (("projects"."parent_id" is null and "projects"."id" ~ '^[0-9a-f]{32}$') or ("projects"."parent_id" is not null and "projects"."id" ~ '^[0-9A-HJKMNP-TV-Z]{26}$')),
	CONSTRAINT "projects_not_own_parent" CHECK ("projects"."parent_id" is distinct from "projects"."id"),
	CONSTRAINT "projects_display_name_length" CHECK (char_length("projects"."display_name") between 1 and 255),
	CONSTRAINT "projects_labels_object" CHECK (jsonb_typeof("projects"."labels") = 'object')
);
--> statement-breakpoint
CREATE TABLE "project_members" (
	"project_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "project_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "subproject_id" text;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_parent_same_account_fk" FOREIGN KEY ("parent_id","account_id") REFERENCES "public"."projects"("id","account_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_account_top_idx" ON "projects" USING btree ("account_id","display_name","id") WHERE "projects"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "projects_account_sub_idx" ON "projects" USING btree ("account_id") WHERE "projects"."parent_id" is not null and "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_parent_idx" ON "projects" USING btree ("parent_id","id") WHERE "projects"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_parent_name_idx" ON "projects" USING btree ("parent_id","display_name","id") WHERE "projects"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_labels_idx" ON "projects" USING gin ("labels" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "projects_name_trgm_idx" ON "projects" USING gin ("display_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_purge_idx" ON "projects" USING btree ("purge_at") WHERE "projects"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "project_members_user_idx" ON "project_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_subproject_idx" ON "audit_events" USING btree ("subproject_id","id" DESC NULLS LAST) WHERE "audit_events"."subproject_id" is not null;;--> statement-breakpoint
-- Hand-written: tree rules the database enforces itself (DESIGN §1), whatever client writes.
CREATE FUNCTION projects_enforce_tree() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_parent text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.account_id IS DISTINCT FROM OLD.account_id THEN
      RAISE EXCEPTION 'a project never changes account (project %)', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
      RAISE EXCEPTION 'a subproject never changes parent (project %)', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW.parent_id IS NOT NULL THEN
    SELECT parent_id INTO parent_parent FROM projects WHERE id = NEW.parent_id FOR KEY SHARE;
    IF parent_parent IS NOT NULL THEN
      RAISE EXCEPTION 'subproject % cannot be created under subproject %: the parent must be a top-level project', NEW.id, NEW.parent_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER projects_enforce_tree BEFORE INSERT OR UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION projects_enforce_tree();
--> statement-breakpoint
-- People are bound to top-level projects only; subprojects inherit their parent's bindings.
CREATE FUNCTION project_members_top_level_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM projects WHERE id = NEW.project_id AND parent_id IS NOT NULL) THEN
    RAISE EXCEPTION 'people cannot be bound to subproject %: bind them to its parent project', NEW.project_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_members_top_level_only BEFORE INSERT OR UPDATE ON project_members FOR EACH ROW EXECUTE FUNCTION project_members_top_level_only();
