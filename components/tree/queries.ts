import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api";

export interface TreeFilter {
  q: string;
  label: string;
}

export interface TreeProjectDto {
  id: string;
  displayName: string;
  labels: Record<string, string>;
  subprojectCount: number;
  matchingSubprojects: number | null;
}

export interface SubprojectDto {
  id: string;
  parentId: string;
  displayName: string;
  labels: Record<string, string>;
  suspended: boolean;
}

function withParams(path: string, filter: TreeFilter, cursor: string | null) {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.label) params.set("label", filter.label);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Top-level projects of the account, server-paged and filtered. */
export function treeProjectsQuery(accountId: string, filter: TreeFilter) {
  return infiniteQueryOptions({
    queryKey: ["tree", accountId, filter.q, filter.label],
    queryFn: ({ pageParam }) => apiFetch<{ projects: TreeProjectDto[]; nextCursor: string | null }>(withParams(`/api/accounts/${accountId}/tree`, filter, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One project's subprojects, loaded only when it is expanded, a page at a time. */
export function subprojectsQuery(projectId: string, filter: TreeFilter) {
  return infiniteQueryOptions({
    queryKey: ["subprojects", projectId, filter.q, filter.label],
    queryFn: ({ pageParam }) => apiFetch<{ subprojects: SubprojectDto[]; nextCursor: string | null }>(withParams(`/api/projects/${projectId}/subprojects`, filter, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
