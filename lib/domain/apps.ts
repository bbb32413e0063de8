import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { apps, phoneNumbers, projects, type App, type AppKind, type Project } from "@/db/schema";
import { APP_KIND_LABELS, createAppInput, listAppsFilter, MAX_APPS_PER_KIND, updateAppInput, type AppKindName } from "@/lib/schemas/apps";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { likePattern } from "./cursor";
import { DomainError } from "./errors";
import { newAppId } from "./ids";
import { auditPlacement } from "./nodes";
import { parseInput } from "./validate";

// The zod kinds (client-safe) and the database enum must name the same set.
const sameKinds: [AppKind, AppKindName] extends [AppKindName, AppKind] ? true : never = true;
void sameKinds;

/** An app (SMS service plan, Conversation, Voice or Verification app) as the portal and API show it. */
export interface AppView {
  appId: string;
  projectId: string;
  kind: AppKind;
  displayName: string;
  region: string;
  callbackUrl: string | null;
  createTime: Date;
  updateTime: Date;
}

function toView(row: App): AppView {
  return {
    appId: row.id,
    projectId: row.projectId,
    kind: row.kind,
    displayName: row.displayName,
    region: row.region,
    callbackUrl: row.callbackUrl,
    createTime: row.createdAt,
    updateTime: row.updatedAt,
  };
}

function auditView(row: App) {
  return { kind: row.kind, displayName: row.displayName, region: row.region, callbackUrl: row.callbackUrl };
}

const tier = (node: Pick<Project, "parentId">) => (node.parentId ? "subproject" : "project");
const appNotFound = (appId: string) => new DomainError("NOT_FOUND", `App ${appId} not found`);

/** The node a change happens on: it must exist and not be (soft-)deleted. */
async function liveNode(tx: Transaction, projectId: string, lock: boolean): Promise<Project> {
  const query = tx.select().from(projects).where(eq(projects.id, projectId));
  const [node] = lock ? await query.for("update") : await query;
  if (!node) throw new DomainError("NOT_FOUND", `Project ${projectId} not found`);
  if (node.deletedAt) throw new DomainError("FAILED_PRECONDITION", `Subproject ${projectId} is deleted; restore it before changing its apps.`);
  return node;
}

/**
 * Creates an app on a project or subproject, with an ID shaped for its kind (see newAppId). At
 * most MAX_APPS_PER_KIND per node and kind; the lock on the node's row makes the cap hold when
 * creations race.
 */
export async function createApp(actor: Actor, projectId: string, input: unknown): Promise<AppView> {
  const values = parseInput(createAppInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const node = await liveNode(tx, projectId, true);
    const [{ n }] = (await tx.select({ n: count() }).from(apps).where(and(eq(apps.projectId, projectId), eq(apps.kind, values.kind)))) as [{ n: number }];
    if (n >= MAX_APPS_PER_KIND) {
      throw new DomainError(
        "FAILED_PRECONDITION",
        `A ${tier(node)} can have at most ${MAX_APPS_PER_KIND} ${APP_KIND_LABELS[values.kind].many} and this one has ${n}. Delete one before creating another, or use another subproject.`,
      );
    }
    const [row] = await tx
      .insert(apps)
      .values({ id: newAppId(values.kind), projectId, ...values })
      .returning();
    await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "app.created", targetType: "app", targetId: row!.id, after: auditView(row!) });
    return toView(row!);
  });
}

/**
 * The apps of one node, by kind then name; `q` matches names (case-insensitive, wildcards are
 * literal). Unpaged: the per-kind cap bounds a node at 4 × MAX_APPS_PER_KIND rows, and the
 * (project_id, kind, display_name) index serves the order.
 */
export async function listApps(projectId: string, filter: { kind?: string | null; q?: string | null } = {}): Promise<AppView[]> {
  const { kind, q } = parseInput(listAppsFilter, { kind: filter.kind || undefined, q: filter.q || undefined });
  const db = await getDb();
  const rows = await db
    .select()
    .from(apps)
    .where(and(eq(apps.projectId, projectId), kind ? eq(apps.kind, kind) : undefined, q ? ilike(apps.displayName, likePattern(q)) : undefined))
    .orderBy(asc(apps.kind), asc(apps.displayName), asc(apps.id));
  return rows.map(toView);
}

/** One app of this node; an app of any other node is NOT_FOUND, exactly like a made-up ID. */
export async function getApp(projectId: string, appId: string): Promise<AppView> {
  const db = await getDb();
  const [row] = await db.select().from(apps).where(and(eq(apps.projectId, projectId), eq(apps.id, appId)));
  if (!row) throw appNotFound(appId);
  return toView(row);
}

/** Renames an app, moves its region and/or sets or clears its callback URL (null or "" clears). */
export async function updateApp(actor: Actor, projectId: string, appId: string, input: unknown): Promise<AppView> {
  const { displayName, region, callbackUrl } = parseInput(updateAppInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const node = await liveNode(tx, projectId, false);
    const [before] = await tx.select().from(apps).where(and(eq(apps.projectId, projectId), eq(apps.id, appId))).for("update");
    if (!before) throw appNotFound(appId);
    const [row] = await tx
      .update(apps)
      .set({
        ...(displayName !== undefined && { displayName }),
        ...(region !== undefined && { region }),
        ...(callbackUrl !== undefined && { callbackUrl }),
        // Strictly increasing even within one transaction timestamp, so clients can order changes.
        updatedAt: sql`greatest(now(), ${apps.updatedAt} + interval '1 microsecond')`,
      })
      .where(eq(apps.id, appId))
      .returning();
    await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "app.updated", targetType: "app", targetId: appId, before: auditView(before), after: auditView(row!) });
    return toView(row!);
  });
}

/**
 * Deletes an app. Numbers configured with it lose that configuration in the same transaction
 * (SMS: service plan and campaign; voice: app and type), so the foreign keys never block the
 * deletion and no number points at an app that is gone. Returns the numbers that were detached.
 */
export async function deleteApp(actor: Actor, projectId: string, appId: string): Promise<{ detachedNumbers: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const node = await liveNode(tx, projectId, false);
    // Locking the app first makes a concurrent "configure number with this app" wait for us and
    // then fail its foreign key, instead of re-attaching a number between our UPDATE and DELETE.
    const [app] = await tx.select().from(apps).where(and(eq(apps.projectId, projectId), eq(apps.id, appId))).for("update");
    if (!app) throw appNotFound(appId);
    const sms = await tx
      .update(phoneNumbers)
      .set({ smsServicePlanId: null, smsCampaignId: null, updatedAt: sql`now()` })
      .where(and(eq(phoneNumbers.projectId, projectId), eq(phoneNumbers.smsServicePlanId, appId)))
      .returning({ phoneNumber: phoneNumbers.phoneNumber });
    const voice = await tx
      .update(phoneNumbers)
      .set({ voiceAppId: null, voiceType: null, voiceUpdatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(phoneNumbers.projectId, projectId), eq(phoneNumbers.voiceAppId, appId)))
      .returning({ phoneNumber: phoneNumbers.phoneNumber });
    await tx.delete(apps).where(eq(apps.id, appId));
    const detachedNumbers = [...new Set([...sms, ...voice].map((n) => n.phoneNumber))].sort();
    await recordAudit(tx, actor, {
      accountId: node.accountId,
      ...auditPlacement(node),
      action: "app.deleted",
      targetType: "app",
      targetId: appId,
      before: { ...auditView(app), detachedNumbers },
    });
    return { detachedNumbers };
  });
}

/** How many apps a node has (any kind): lets the demo seed skip nodes that already have some. */
export async function countApps(projectId: string): Promise<number> {
  const db = await getDb();
  const [{ n }] = (await db.select({ n: count() }).from(apps).where(eq(apps.projectId, projectId))) as [{ n: number }];
  return n;
}
