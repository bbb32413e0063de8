"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { input } from "@/components/ui/styles";
import { treeProjectsQuery, type TreeProjectDto } from "./queries";
import { SubprojectList } from "./SubprojectList";
import { useDebounced } from "./use-debounced";

/**
 * The account tree: top-level projects (server-paged, virtualised), each expandable into its
 * subprojects, loaded on demand. Search and label filter run on the server, so an account with
 * 100,000 subprojects sends only what is on screen.
 */
export function AccountTree({ accountId }: { accountId: string }) {
  const [q, setQ] = useState("");
  const [label, setLabel] = useState("");
  const filter = { q: useDebounced(q.trim(), 250), label: useDebounced(label.trim(), 250) };
  const filtering = !!(filter.q || filter.label);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const query = useInfiniteQuery(treeProjectsQuery(accountId, filter));
  const projects = query.data?.pages.flatMap((p) => p.projects) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the maintained choice; its API returns functions by design.
  const virtualizer = useVirtualizer({ count: projects.length, getScrollElement: () => scrollRef.current, estimateSize: () => 48, overscan: 5 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastIndex >= projects.length - 5 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastIndex, projects.length, query]);

  // While filtering, projects with matching subprojects open by themselves unless the person closed them.
  const isExpanded = (p: TreeProjectDto) => toggled[p.id] ?? (filtering && (p.matchingSubprojects ?? 0) > 0);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <input aria-label="Search projects and subprojects" placeholder="Search by name…" value={q} onChange={(e) => setQ(e.target.value)} className={`${input} w-72`} />
        <input aria-label="Filter by label" placeholder="Label, e.g. region=eu" value={label} onChange={(e) => setLabel(e.target.value)} className={`${input} w-56`} />
      </div>
      <div ref={scrollRef} className="h-[calc(100vh-260px)] min-h-80 overflow-auto rounded-lg border border-slate-200 bg-white" data-testid="account-tree">
        {query.isPending && <p className="p-4 text-sm text-slate-500">Loading projects…</p>}
        {query.isError && <p className="p-4 text-sm text-red-700">Could not load projects: {query.error.message}</p>}
        {query.isSuccess && projects.length === 0 && <p className="p-4 text-sm text-slate-500">{filtering ? "Nothing matches this search." : "No projects you can see yet."}</p>}
        <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const p = projects[item.index]!;
            const expanded = isExpanded(p);
            return (
              <li
                key={p.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-testid="tree-project"
                data-project-id={p.id}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                className="border-b border-slate-100"
              >
                <div className="flex items-center gap-2 px-3 py-2.5">
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-label={`${expanded ? "Collapse" : "Expand"} ${p.displayName}`}
                    onClick={() => setToggled((t) => ({ ...t, [p.id]: !expanded }))}
                    disabled={p.subprojectCount === 0}
                    className="flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30"
                  >
                    {expanded ? "▾" : "▸"}
                  </button>
                  <Link href={`/projects/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {p.displayName}
                  </Link>
                  <span className="ml-auto text-xs text-slate-500" data-testid="subproject-count">
                    {filtering && p.matchingSubprojects !== null ? `${p.matchingSubprojects} of ${p.subprojectCount} match` : `${p.subprojectCount} subproject${p.subprojectCount === 1 ? "" : "s"}`}
                  </span>
                </div>
                {expanded && <SubprojectList projectId={p.id} filter={filter} />}
              </li>
            );
          })}
        </ul>
        {query.isFetchingNextPage && <p className="p-2 text-center text-xs text-slate-500">Loading more projects…</p>}
      </div>
    </div>
  );
}
