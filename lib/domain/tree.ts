import { and, asc, count, eq, gt, ilike, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountMemberships, projectMembers, projects } from "@/db/schema";
import { seesEveryProject, type AccountRole } from "@/lib/authz/roles";
import { parseLabelFilter } from "@/lib/schemas/projects";
import { decodeCursor, encodeCursor, likePattern } from "./cursor";
import { DomainError } from "./errors";
import { toNode, type ProjectNode } from "./nodes";

export interface TreeFilter {
  q?: string | null;
  label?: string | null;
  cursor?: string | null;
  limit?: number;
}

export interface TreeProject {
  id: string;
  displayName: string;
  labels: Record<string, string>;
  subprojectCount: number;
  /** With a search or label filter: how many of its subprojects match. */
  matchingSubprojects: number | null;
}

function labelCondition(column: SQLWrapper, raw: string | null | undefined): SQL | undefined {
  const filter = parseLabelFilter(raw);
  if (!filter) return undefined;
  return filter.value !== undefined ? sql`${column} @> ${JSON.stringify({ [filter.key]: filter.value })}::jsonb` : sql`${column} ? ${filter.key}`;
}

// Drizzle renders a column unqualified in a single-table select; inside a correlated subquery over
// "projects c" that would bind to c.id, so the outer row's ID is spelled out.
const outerId = sql`"projects"."id"`;

function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 200);
}

/** Keyset on (display_name, id): stable and index-backed however deep the page. */
function afterCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const key = decodeCursor(cursor, 2);
  if (!key) throw new DomainError("INVALID_ARGUMENT", "Invalid page cursor");
  return or(gt(projects.displayName, key[0]!), and(eq(projects.displayName, key[0]!), gt(projects.id, key[1]!)));
}

/**
 * Top-level projects of an account that the person may read, a page at a time, with subproject
 * counts. A search or label filter keeps projects that match themselves or have matching subprojects.
 */
export async function listTreeProjects(userId: string, accountId: string, filter: TreeFilter = {}): Promise<{ projects: TreeProject[]; nextCursor: string | null }> {
  const db = await getDb();
  const [membership] = await db
    .select({ role: accountMemberships.role })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)));
  if (!membership) return { projects: [], nextCursor: null };
  const limit = pageLimit(filter.limit);
  const q = filter.q?.trim().slice(0, 255) || null;
  const childMatch = and(
    sql`c.parent_id = ${outerId}`,
    sql`c.deleted_at is null`,
    q ? sql`c.display_name ilike ${likePattern(q)}` : undefined,
    labelCondition(sql.raw("c.labels"), filter.label),
  );
  const filtering = !!q || !!parseLabelFilter(filter.label);
  const selfMatch = and(q ? ilike(projects.displayName, likePattern(q)) : undefined, labelCondition(projects.labels, filter.label));
  const rows = await db
    .select({
      id: projects.id,
      displayName: projects.displayName,
      labels: projects.labels,
      subprojectCount: sql<number>`(select count(*)::int from projects c where c.parent_id = ${outerId} and c.deleted_at is null)`,
      matchingSubprojects: filtering ? sql<number>`(select count(*)::int from projects c where ${childMatch})` : sql<null>`null`,
    })
    .from(projects)
    .where(
      and(
        eq(projects.accountId, accountId),
        isNull(projects.parentId),
        isNull(projects.deletedAt),
        seesEveryProject(membership.role as AccountRole)
          ? undefined
          : sql`exists (select 1 from ${projectMembers} pm where pm.project_id = ${outerId} and pm.user_id = ${userId})`,
        filtering ? or(selfMatch, sql`exists (select 1 from projects c where ${childMatch})`) : undefined,
        afterCursor(filter.cursor),
      ),
    )
    .orderBy(asc(projects.displayName), asc(projects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { projects: page, nextCursor: rows.length > limit && last ? encodeCursor([last.displayName, last.id]) : null };
}

/** Subprojects of one project by name, a page at a time (the caller has checked read access to the parent). */
export async function listSubprojectsByName(parentId: string, filter: TreeFilter & { includeDeleted?: boolean } = {}): Promise<{ subprojects: ProjectNode[]; nextCursor: string | null }> {
  const db = await getDb();
  const limit = pageLimit(filter.limit);
  const q = filter.q?.trim().slice(0, 255) || null;
  const rows = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.parentId, parentId),
        filter.includeDeleted ? undefined : isNull(projects.deletedAt),
        q ? ilike(projects.displayName, likePattern(q)) : undefined,
        labelCondition(projects.labels, filter.label),
        afterCursor(filter.cursor),
      ),
    )
    .orderBy(asc(projects.displayName), asc(projects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toNode);
  const last = page[page.length - 1];
  return { subprojects: page, nextCursor: rows.length > limit && last ? encodeCursor([last.displayName, last.id]) : null };
}

/** Live subprojects of a project, matching the same filter. */
export async function countSubprojects(parentId: string, filter: Pick<TreeFilter, "q" | "label"> = {}): Promise<number> {
  const db = await getDb();
  const q = filter.q?.trim().slice(0, 255) || null;
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.parentId, parentId), isNull(projects.deletedAt), q ? ilike(projects.displayName, likePattern(q)) : undefined, labelCondition(projects.labels, filter.label)));
  return Number(row?.n ?? 0);
}

/**
 * Subprojects in ID (= creation, ULID) order for the automation API. The keyset cursor is the
 * last ID seen, so pages stay stable while others insert and delete concurrently: nothing is
 * skipped or repeated.
 */
export async function listSubprojectsById(parentId: string, page: { pageSize: number; pageToken?: string | null; showDeleted?: boolean }): Promise<{ subprojects: ProjectNode[]; nextPageToken: string }> {
  const db = await getDb();
  const after = page.pageToken ? decodeCursor(page.pageToken, 1) : null;
  if (page.pageToken && !after) throw new DomainError("INVALID_ARGUMENT", "Invalid pageToken", [{ field: "pageToken", description: "is not a token this API returned" }]);
  const rows = await db
    .select()
    .from(projects)
    .where(and(eq(projects.parentId, parentId), page.showDeleted ? undefined : isNull(projects.deletedAt), after ? gt(projects.id, after[0]!) : undefined))
    .orderBy(asc(projects.id))
    .limit(page.pageSize + 1)
    // A named statement: the API's list is a hot path (one round trip, planned once per connection).
    .prepare("list_subprojects_by_id")
    .execute();
  const items = rows.slice(0, page.pageSize).map(toNode);
  const last = items[items.length - 1];
  return { subprojects: items, nextPageToken: rows.length > page.pageSize && last ? encodeCursor([last.id]) : "" };
}
