CREATE TABLE "spend_caps" (
	"project_id" text PRIMARY KEY NOT NULL,
	"monthly_cap_minor" bigint NOT NULL,
	"warned_month" date,
	"capped_month" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spend_caps_positive" CHECK ("spend_caps"."monthly_cap_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "usage_daily_rollups" (
	"account_id" uuid NOT NULL,
	"project_id" text NOT NULL,
	"top_project_id" text NOT NULL,
	"product" "usage_product" NOT NULL,
	"day" date NOT NULL,
	"quantity" bigint DEFAULT 0 NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_rollups_project_id_product_day_pk" PRIMARY KEY("project_id","product","day")
);
--> statement-breakpoint
CREATE TABLE "bulk_import_rows" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"display_name" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subproject_id" text,
	CONSTRAINT "bulk_import_rows_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "bulk_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" text NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"total_rows" integer NOT NULL,
	"created_rows" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_imports_project_file_key" UNIQUE("project_id","file_sha256")
);
--> statement-breakpoint
ALTER TABLE "spend_caps" ADD CONSTRAINT "spend_caps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_import_rows" ADD CONSTRAINT "bulk_import_rows_import_id_bulk_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bulk_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_imports" ADD CONSTRAINT "bulk_imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_imports" ADD CONSTRAINT "bulk_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_daily_rollups_account_day_idx" ON "usage_daily_rollups" USING btree ("account_id","day");--> statement-breakpoint
CREATE INDEX "usage_daily_rollups_top_day_idx" ON "usage_daily_rollups" USING btree ("top_project_id","day");--> statement-breakpoint
CREATE INDEX "bulk_import_rows_pending_idx" ON "bulk_import_rows" USING btree ("import_id","row_number") WHERE "bulk_import_rows"."subproject_id" is null;--> statement-breakpoint
CREATE INDEX "bulk_imports_runnable_idx" ON "bulk_imports" USING btree ("lease_until") WHERE "bulk_imports"."state" in ('queued', 'running');