import { randomBytes } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { projects, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createWebhookInput, MAX_WEBHOOKS_PER_PROJECT } from "@/lib/schemas/webhooks";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { parseInput } from "./validate";

export interface WebhookEndpointView {
  id: string;
  projectId: string;
  url: string;
  secretHint: string;
  createTime: Date;
}

/**
 * Registers a lifecycle webhook on a top-level project (events of its subprojects go there too).
 * Returns the signing secret, shown once.
 */
export async function createWebhookEndpoint(actor: Actor, projectId: string, input: unknown): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const { url } = parseInput(createWebhookInput, input);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [project] = await tx.select().from(projects).where(eq(projects.id, projectId)).for("update");
    if (!project || project.deletedAt) throw new DomainError("NOT_FOUND", `Project ${projectId} not found`);
    if (project.parentId) throw new DomainError("FAILED_PRECONDITION", "Webhooks are registered on top-level projects; they receive their subprojects' events too.");
    const [{ n }] = (await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.projectId, projectId))) as [{ n: number }];
    if (n >= MAX_WEBHOOKS_PER_PROJECT) throw new DomainError("FAILED_PRECONDITION", `A project can have at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks`);
    const [row] = await tx.insert(webhookEndpoints).values({ projectId, url, secret }).returning();
    await recordAudit(tx, actor, { accountId: project.accountId, projectId, action: "webhook.created", targetType: "webhook", targetId: row!.id, after: { url } });
    return { endpoint: { id: row!.id, projectId, url, secretHint: `…${secret.slice(-4)}`, createTime: row!.createdAt }, secret };
  });
}

export async function listWebhookEndpoints(projectId: string): Promise<WebhookEndpointView[]> {
  const db = await getDb();
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.projectId, projectId)).orderBy(webhookEndpoints.createdAt);
  return rows.map((r) => ({ id: r.id, projectId: r.projectId, url: r.url, secretHint: `…${r.secret.slice(-4)}`, createTime: r.createdAt }));
}

export async function deleteWebhookEndpoint(actor: Actor, projectId: string, endpointId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = /^[0-9a-f-]{36}$/.test(endpointId)
      ? await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.projectId, projectId), eq(webhookEndpoints.id, endpointId))).returning()
      : [];
    if (!row) throw new DomainError("NOT_FOUND", "Webhook not found");
    const [project] = await tx.select({ accountId: projects.accountId }).from(projects).where(eq(projects.id, projectId));
    await recordAudit(tx, actor, { accountId: project!.accountId, projectId, action: "webhook.deleted", targetType: "webhook", targetId: endpointId, before: { url: row.url } });
  });
}

/** Recent delivery attempts of a project's webhooks, newest first, for the portal. */
export async function listRecentDeliveries(projectId: string, limit = 50) {
  const db = await getDb();
  return db
    .select({
      id: webhookDeliveries.id,
      url: webhookEndpoints.url,
      eventType: webhookDeliveries.eventType,
      state: webhookDeliveries.state,
      attempts: webhookDeliveries.attempts,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookEndpoints.projectId, projectId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}
