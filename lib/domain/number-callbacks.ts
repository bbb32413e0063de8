import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { numbersCallbackConfigurations } from "@/db/schema";
import { updateCallbackConfigurationInput } from "@/lib/schemas/numbers";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { auditPlacement } from "./nodes";
import { numberHost } from "./numbers";
import { parseInput } from "./validate";

export interface CallbackConfigurationView {
  projectId: string;
  hmacSecret: string;
}

const newHmacSecret = () => randomBytes(24).toString("base64url");

/**
 * The Numbers callback settings of a project or subproject. A node has a signing secret from its
 * first read on, as on the upstream platform, so callbacks can always be verified; concurrent
 * first reads agree on one secret (insert … on conflict do nothing, then read).
 */
export async function getCallbackConfiguration(projectId: string): Promise<CallbackConfigurationView> {
  const db = await getDb();
  await numberHost(db, projectId);
  await db.insert(numbersCallbackConfigurations).values({ projectId, hmacSecret: newHmacSecret() }).onConflictDoNothing();
  const [row] = await db.select().from(numbersCallbackConfigurations).where(eq(numbersCallbackConfigurations.projectId, projectId));
  return { projectId, hmacSecret: row!.hmacSecret };
}

/** Sets the HMAC secret callbacks are signed with; the audit row records that it changed, never its value. */
export async function updateCallbackConfiguration(actor: Actor, projectId: string, input: unknown): Promise<CallbackConfigurationView> {
  const { hmacSecret } = parseInput(updateCallbackConfigurationInput, input);
  if (hmacSecret === undefined) return getCallbackConfiguration(projectId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const host = await numberHost(tx, projectId);
    await tx
      .insert(numbersCallbackConfigurations)
      .values({ projectId, hmacSecret })
      .onConflictDoUpdate({ target: numbersCallbackConfigurations.projectId, set: { hmacSecret, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { accountId: host.accountId, ...auditPlacement(host), action: "number.callbackConfiguration.updated", targetType: "callbackConfiguration", targetId: projectId, after: { hmacSecret: "(changed)" } });
    return { projectId, hmacSecret };
  });
}
