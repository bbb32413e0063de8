import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, boolean } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { projects } from "./projects";

export const numberType = pgEnum("number_type", ["MOBILE", "LOCAL", "TOLL_FREE"]);
export const voiceConfigurationType = pgEnum("voice_configuration_type", ["RTC", "EST", "FAX"]);

/**
 * Every phone number the platform can offer, available or rented. Renting sets project_id:
 * one row per number makes "one project at a time" structural, and a conditional UPDATE lets
 * exactly one of two concurrent renters win.
 */
export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    phoneNumber: text("phone_number").primaryKey(),
    regionCode: text("region_code").notNull(),
    type: numberType("type").notNull(),
    capabilities: text("capabilities").array().notNull(),
    /** Prices in minor units of the renting account's currency. */
    setupPriceMinor: integer("setup_price_minor").notNull(),
    monthlyPriceMinor: integer("monthly_price_minor").notNull(),
    paymentIntervalMonths: integer("payment_interval_months").notNull().default(1),
    supportingDocumentationRequired: boolean("supporting_documentation_required").notNull().default(false),
    // Assignment (all null while the number is in inventory).
    projectId: text("project_id").references(() => projects.id),
    rentedAt: timestamp("rented_at", { withTimezone: true }),
    displayName: text("display_name"),
    nextChargeAt: timestamp("next_charge_at", { withTimezone: true }),
    expireAt: timestamp("expire_at", { withTimezone: true }),
    smsServicePlanId: text("sms_service_plan_id"),
    smsCampaignId: text("sms_campaign_id"),
    voiceType: voiceConfigurationType("voice_type"),
    voiceAppId: text("voice_app_id"),
    voiceUpdatedAt: timestamp("voice_updated_at", { withTimezone: true }),
    callbackUrl: text("callback_url"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("phone_numbers_e164", sql`${t.phoneNumber} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check("phone_numbers_capabilities", sql`${t.capabilities} <@ array['SMS','VOICE']::text[] and cardinality(${t.capabilities}) > 0`),
    check("phone_numbers_unrented_is_clean", sql`${t.projectId} is not null or (${t.smsServicePlanId} is null and ${t.voiceAppId} is null and ${t.displayName} is null)`),
    // A number's SMS / voice configuration can only point at an app of the project it belongs to.
    foreignKey({ name: "phone_numbers_sms_app_fk", columns: [t.smsServicePlanId, t.projectId], foreignColumns: [apps.id, apps.projectId] }),
    foreignKey({ name: "phone_numbers_voice_app_fk", columns: [t.voiceAppId, t.projectId], foreignColumns: [apps.id, apps.projectId] }),
    index("phone_numbers_available_idx").on(t.regionCode, t.type, t.phoneNumber).where(sql`${t.projectId} is null`),
    // Deleting an app checks these references; without indexes that would scan the inventory.
    index("phone_numbers_sms_app_idx").on(t.smsServicePlanId, t.projectId).where(sql`${t.smsServicePlanId} is not null`),
    index("phone_numbers_voice_app_idx").on(t.voiceAppId, t.projectId).where(sql`${t.voiceAppId} is not null`),
    index("phone_numbers_project_idx").on(t.projectId, t.phoneNumber).where(sql`${t.projectId} is not null`),
  ],
);

export type PhoneNumber = typeof phoneNumbers.$inferSelect;
export type NumberType = (typeof numberType.enumValues)[number];

/** Per-project callback settings of the Numbers API. */
export const numbersCallbackConfigurations = pgTable("numbers_callback_configurations", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  hmacSecret: text("hmac_secret").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
