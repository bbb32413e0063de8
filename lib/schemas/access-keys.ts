import { z } from "zod";
import { displayNameSchema } from "./projects";

export const MAX_KEYS_PER_PROJECT = 10;

export const createAccessKeyInput = z.object({ displayName: displayNameSchema });
export const updateAccessKeyInput = z.object({ displayName: displayNameSchema });
export const accessKeyIdSchema = z.uuid({ error: "must be an access key ID (UUID)" });
