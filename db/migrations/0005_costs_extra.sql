CREATE TABLE "usage_daily_project_rollups" (
	"account_id" uuid NOT NULL,
	"top_project_id" text NOT NULL,
	"product" "usage_product" NOT NULL,
	"day" date NOT NULL,
	"quantity" bigint DEFAULT 0 NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"events" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_project_rollups_top_project_id_product_day_pk" PRIMARY KEY("top_project_id","product","day")
);
--> statement-breakpoint
CREATE TABLE "usage_monthly_rollups" (
	"account_id" uuid NOT NULL,
	"project_id" text NOT NULL,
	"top_project_id" text NOT NULL,
	"month" date NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"events" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_monthly_rollups_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
CREATE INDEX "usage_daily_project_rollups_account_day_idx" ON "usage_daily_project_rollups" USING btree ("account_id","day");--> statement-breakpoint
CREATE INDEX "usage_monthly_rollups_account_month_idx" ON "usage_monthly_rollups" USING btree ("account_id","month");--> statement-breakpoint
CREATE INDEX "usage_monthly_rollups_top_month_idx" ON "usage_monthly_rollups" USING btree ("top_project_id","month");--> statement-breakpoint
-- Backfill from the ledger: rows written before rollups were maintained (number rentals).
INSERT INTO "usage_daily_rollups" ("account_id", "project_id", "top_project_id", "product", "day", "quantity", "amount_minor", "events")
SELECT min("account_id"::text)::uuid, "project_id", min("top_project_id"), "product", ("occurred_at" AT TIME ZONE 'UTC')::date, sum("quantity"), sum("amount_minor"), count(*)
FROM "usage_events" GROUP BY "project_id", "product", ("occurred_at" AT TIME ZONE 'UTC')::date
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "usage_monthly_rollups" ("account_id", "project_id", "top_project_id", "month", "amount_minor", "events")
SELECT min("account_id"::text)::uuid, "project_id", min("top_project_id"), date_trunc('month', "occurred_at" AT TIME ZONE 'UTC')::date, sum("amount_minor"), count(*)
FROM "usage_events" GROUP BY "project_id", date_trunc('month', "occurred_at" AT TIME ZONE 'UTC')::date
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "usage_daily_project_rollups" ("account_id", "top_project_id", "product", "day", "quantity", "amount_minor", "events")
SELECT min("account_id"::text)::uuid, "top_project_id", "product", ("occurred_at" AT TIME ZONE 'UTC')::date, sum("quantity"), sum("amount_minor"), count(*)
FROM "usage_events" GROUP BY "top_project_id", "product", ("occurred_at" AT TIME ZONE 'UTC')::date
ON CONFLICT DO NOTHING;
