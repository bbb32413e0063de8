"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Labels } from "@/components/ui/Labels";
import { subprojectsQuery, type TreeFilter } from "./queries";

const ROW_HEIGHT = 36;

/** An expanded project's subprojects: fetched on demand, virtualised, more pages as you scroll. */
export function SubprojectList({ projectId, filter }: { projectId: string; filter: TreeFilter }) {
  const query = useInfiniteQuery(subprojectsQuery(projectId, filter));
  const rows = query.data?.pages.flatMap((p) => p.subprojects) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the maintained choice; its API returns functions by design.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastIndex >= rows.length - 10 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

  if (query.isPending) return <p className="py-2 pl-10 text-sm text-slate-500">Loading subprojects…</p>;
  if (query.isError) return <p className="py-2 pl-10 text-sm text-red-700">Could not load subprojects: {query.error.message}</p>;
  if (rows.length === 0) return <p className="py-2 pl-10 text-sm text-slate-500">No subprojects{filter.q || filter.label ? " match" : " yet"}.</p>;

  return (
    <div ref={scrollRef} className="max-h-80 overflow-auto border-l border-slate-200 ml-5" data-testid="subproject-list">
      <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const s = rows[item.index]!;
          return (
            <li
              key={s.id}
              data-testid="tree-subproject"
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
              className="flex items-center gap-3 px-4 text-sm"
            >
              <Link href={`/projects/${projectId}/subprojects/${s.id}`} prefetch={false} className="truncate text-slate-800 hover:text-brand-700 hover:underline">
                {s.displayName}
              </Link>
              {s.suspended && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">suspended</span>}
              <span className="ml-auto hidden md:block">
                <Labels labels={s.labels} />
              </span>
            </li>
          );
        })}
      </ul>
      {query.isFetchingNextPage && <p className="px-4 py-1 text-xs text-slate-500">Loading more…</p>}
    </div>
  );
}
