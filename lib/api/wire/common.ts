import { z } from "zod";

export const timestamp = z.string().describe("RFC 3339 / ISO 8601 timestamp");
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** `pageSize` 1–1000 (default 100) and an opaque `pageToken`, as every list call takes them. */
export const pageQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  pageToken: z.string().max(2000).optional(),
});

/** Query flags arrive as strings. */
export const booleanFlag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const emptyObject = z.object({}).describe("Empty response");
