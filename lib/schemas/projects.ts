import { z } from "zod";

// PostgreSQL text cannot hold U+0000: refused here with the field named, not by the database.
const NO_NUL = /^[^\u0000]*$/;
const NUL_MESSAGE = "must not contain the character U+0000";

/** Display names of projects and subprojects (WIRE: 1–255 characters, need not be unique). */
export const displayNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters")
  .regex(NO_NUL, NUL_MESSAGE);

const labelPart = z.string().min(1, "must not be empty").max(255, "must be at most 255 characters").regex(NO_NUL, NUL_MESSAGE);

/** Labels: a string map, at most 255 entries, keys and values 1–255 characters. */
export const labelsSchema = z
  .record(labelPart, labelPart)
  .refine((labels) => Object.keys(labels).length <= 255, "must have at most 255 entries");

export const projectIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "must be a project ID (32 lowercase hex characters)");
export const subprojectIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a subproject ID (a ULID)");
export const nodeIdSchema = z.string().regex(/^([0-9a-f]{32}|[0-9A-HJKMNP-TV-Z]{26})$/, "must be a project or subproject ID");

export const createProjectInput = z.object({ accountId: z.uuid(), displayName: displayNameSchema });
export const createSubprojectInput = z.object({ parentProjectId: nodeIdSchema, displayName: displayNameSchema, labels: labelsSchema.default({}) });
export const updateNodeInput = z
  .object({ displayName: displayNameSchema.optional(), labels: labelsSchema.optional() })
  .refine((v) => v.displayName !== undefined || v.labels !== undefined, "nothing to update: give displayName and/or labels");

/** `key=value` or `key:value`, as typed in a filter box or passed to the CLI. */
export function parseLabelFilter(raw: string | null | undefined): { key: string; value?: string } | null {
  const text = raw?.trim();
  if (!text) return null;
  const at = text.search(/[=:]/);
  if (at < 0) return { key: text.slice(0, 255) };
  const key = text.slice(0, at).trim().slice(0, 255);
  const value = text.slice(at + 1).trim().slice(0, 255);
  if (!key) return null;
  return value ? { key, value } : { key };
}
