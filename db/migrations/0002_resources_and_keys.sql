CREATE TYPE "public"."app_kind" AS ENUM('sms_service_plan', 'conversation', 'voice', 'verification');--> statement-breakpoint
CREATE TYPE "public"."number_type" AS ENUM('MOBILE', 'LOCAL', 'TOLL_FREE');--> statement-breakpoint
CREATE TYPE "public"."voice_configuration_type" AS ENUM('RTC', 'EST', 'FAX');--> statement-breakpoint
CREATE TYPE "public"."usage_product" AS ENUM('sms', 'voice', 'verification', 'number_setup', 'number_monthly');--> statement-breakpoint
CREATE TABLE "access_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" text NOT NULL,
	"display_name" text NOT NULL,
	"secret_digest" text NOT NULL,
	"secret_hint" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "apps" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"kind" "app_kind" NOT NULL,
	"display_name" text NOT NULL,
	"callback_url" text,
	"region" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apps_id_project_key" UNIQUE("id","project_id"),
	CONSTRAINT "apps_display_name_length" CHECK (char_length("apps"."display_name") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "numbers_callback_configurations" (
	"project_id" text PRIMARY KEY NOT NULL,
	"hmac_secret" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_numbers" (
	"phone_number" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"type" "number_type" NOT NULL,
	"capabilities" text[] NOT NULL,
	"setup_price_minor" integer NOT NULL,
	"monthly_price_minor" integer NOT NULL,
	"payment_interval_months" integer DEFAULT 1 NOT NULL,
	"supporting_documentation_required" boolean DEFAULT false NOT NULL,
	"project_id" text,
	"rented_at" timestamp with time zone,
	"display_name" text,
	"next_charge_at" timestamp with time zone,
	"expire_at" timestamp with time zone,
	"sms_service_plan_id" text,
	"sms_campaign_id" text,
	"voice_type" "voice_configuration_type",
	"voice_app_id" text,
	"voice_updated_at" timestamp with time zone,
	"callback_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_numbers_e164" CHECK ("phone_numbers"."phone_number" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "phone_numbers_capabilities" CHECK ("phone_numbers"."capabilities" <@ array['SMS','VOICE']::text[] and cardinality("phone_numbers"."capabilities") > 0),
	CONSTRAINT "phone_numbers_unrented_is_clean" CHECK ("phone_numbers"."project_id" is not null or ("phone_numbers"."sms_service_plan_id" is null and "phone_numbers"."voice_app_id" is null and "phone_numbers"."display_name" is null))
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"project_id" text NOT NULL,
	"top_project_id" text NOT NULL,
	"product" "usage_product" NOT NULL,
	"quantity" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"reference" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_events_amount" CHECK ("usage_events"."amount_minor" = "usage_events"."quantity" * "usage_events"."unit_price_minor")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_windows_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "access_keys" ADD CONSTRAINT "access_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apps" ADD CONSTRAINT "apps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "numbers_callback_configurations" ADD CONSTRAINT "numbers_callback_configurations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_sms_app_fk" FOREIGN KEY ("sms_service_plan_id","project_id") REFERENCES "public"."apps"("id","project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_voice_app_fk" FOREIGN KEY ("voice_app_id","project_id") REFERENCES "public"."apps"("id","project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_keys_secret_digest_key" ON "access_keys" USING btree ("secret_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "access_keys_project_name_key" ON "access_keys" USING btree ("project_id","display_name");--> statement-breakpoint
CREATE INDEX "access_keys_project_idx" ON "access_keys" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "apps_project_idx" ON "apps" USING btree ("project_id","kind","display_name");--> statement-breakpoint
CREATE INDEX "phone_numbers_available_idx" ON "phone_numbers" USING btree ("region_code","type","phone_number") WHERE "phone_numbers"."project_id" is null;--> statement-breakpoint
CREATE INDEX "phone_numbers_project_idx" ON "phone_numbers" USING btree ("project_id","phone_number") WHERE "phone_numbers"."project_id" is not null;--> statement-breakpoint
CREATE INDEX "usage_events_project_time_idx" ON "usage_events" USING btree ("project_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_events_account_time_idx" ON "usage_events" USING btree ("account_id","occurred_at");