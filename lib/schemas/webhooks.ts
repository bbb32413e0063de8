import { z } from "zod";

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .regex(/^https?:\/\/[^\s]+$/i, "must be an absolute http(s) URL")
  .refine((url) => URL.canParse(url), "must be a valid URL");

export const createWebhookInput = z.object({ url: webhookUrlSchema });
export const MAX_WEBHOOKS_PER_PROJECT = 5;
