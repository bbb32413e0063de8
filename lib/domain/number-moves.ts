import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apps, phoneNumbers } from "@/db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { auditSettings } from "./number-config";
import { numberHost, parsePhoneNumber, toActiveView, type ActiveNumberView } from "./numbers";

/**
 * Moves a rented number between a project and its subprojects, or between sibling
 * subprojects, atomically. SMS / voice settings that point at an app the target does not have
 * are cleared (apps belong to one node, so links never dangle). Not billable: no usage row.
 */
export async function moveNumber(actor: Actor, fromProjectId: string, phoneNumber: unknown, toProjectId: string): Promise<ActiveNumberView> {
  const number = parsePhoneNumber(phoneNumber);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const from = await numberHost(tx, fromProjectId);
    const to = await numberHost(tx, toProjectId).catch(() => {
      throw new DomainError("NOT_FOUND", `Target project ${toProjectId} not found`, [{ field: "targetProjectId", description: "no such project or subproject" }]);
    });
    if (from.id === to.id) throw new DomainError("FAILED_PRECONDITION", "The number already belongs to that project", [{ field: "targetProjectId", description: "is the current project" }]);
    if ((from.parentId ?? from.id) !== (to.parentId ?? to.id)) {
      throw new DomainError("FAILED_PRECONDITION", "Numbers move only within one project family: the project and its subprojects", [{ field: "targetProjectId", description: "is outside this project family" }]);
    }
    if (from.suspended || to.suspended) throw new DomainError("FAILED_PRECONDITION", "Numbers cannot move into or out of a suspended subproject");
    const [before] = await tx.select().from(phoneNumbers).where(and(eq(phoneNumbers.phoneNumber, number), eq(phoneNumbers.projectId, from.id))).for("update");
    if (!before) throw new DomainError("NOT_FOUND", `Active number ${number} not found in project ${from.id}`);
    const targetHas = async (appId: string | null) => !!appId && (await tx.select({ id: apps.id }).from(apps).where(and(eq(apps.id, appId), eq(apps.projectId, to.id)))).length > 0;
    const keepSms = await targetHas(before.smsServicePlanId);
    const keepVoice = await targetHas(before.voiceAppId);
    const [moved] = await tx
      .update(phoneNumbers)
      .set({
        projectId: to.id,
        ...(keepSms ? {} : { smsServicePlanId: null, smsCampaignId: null }),
        ...(keepVoice ? {} : { voiceAppId: null, voiceType: null, voiceUpdatedAt: before.voiceAppId ? sql`now()` : before.voiceUpdatedAt }),
        updatedAt: sql`now()`,
      })
      .where(eq(phoneNumbers.phoneNumber, number))
      .returning();
    await recordAudit(tx, actor, {
      accountId: from.accountId,
      projectId: from.parentId ?? from.id,
      subprojectId: to.parentId ? to.id : from.parentId ? from.id : null,
      action: "number.moved",
      targetType: "phoneNumber",
      targetId: number,
      before: { projectId: from.id, ...auditSettings(before) },
      after: { projectId: to.id, ...auditSettings(moved!) },
    });
    return toActiveView(moved!, to.currency);
  });
}
