import { z } from "zod";
import type { AccessKeyView } from "@/lib/domain/access-keys";
import { timestamp } from "./common";

export const AccessKeySchema = z
  .object({
    accessKeyId: z.string().describe("Key ID (UUID); the OAuth2 client_id"),
    displayName: z.string(),
    projectId: z.string().describe("The project or subproject the key belongs to"),
    createTime: timestamp,
    updateTime: timestamp,
  })
  .meta({ id: "AccessKey" });

export function wireAccessKey(k: AccessKeyView): z.infer<typeof AccessKeySchema> {
  return { accessKeyId: k.accessKeyId, displayName: k.displayName, projectId: k.projectId, createTime: k.createTime.toISOString(), updateTime: k.updateTime.toISOString() };
}
