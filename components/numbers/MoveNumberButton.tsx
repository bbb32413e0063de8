"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebounced } from "@/components/tree/use-debounced";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

interface Target {
  id: string;
  displayName: string;
}

/**
 * Moves a number to the parent project or a sibling subproject. Targets are found by name on
 * the server (a project may have 100,000 subprojects, so no full list is loaded).
 */
export function MoveNumberButton({ nodeId, topProject, phoneNumber }: { nodeId: string; topProject: Target; phoneNumber: string }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const { run, error, pending } = useAction();
  const candidates = useQuery({
    queryKey: ["move-targets", topProject.id, query],
    queryFn: () => apiFetch<{ subprojects: Target[] }>(`/api/projects/${topProject.id}/subprojects?q=${encodeURIComponent(query)}`),
    enabled: open,
  });
  const targets = [...(nodeId !== topProject.id ? [{ ...topProject, displayName: `${topProject.displayName} (parent project)` }] : []), ...(candidates.data?.subprojects ?? []).filter((s) => s.id !== nodeId).slice(0, 8)];

  function move(target: Target) {
    if (!window.confirm(`Move ${phoneNumber} to "${target.displayName}"? Its SMS and voice settings are cleared if the target lacks those apps.`)) return;
    void run(() => apiFetch(`/api/projects/${nodeId}/numbers/${phoneNumber.slice(1)}/move`, { method: "POST", body: { targetProjectId: target.id } })).then((ok) => ok && setOpen(false));
  }

  if (!open) {
    return (
      <button type="button" className={button.secondary} onClick={() => setOpen(true)}>
        Move
      </button>
    );
  }
  return (
    <div className="flex w-72 flex-col gap-2 rounded-md border border-slate-200 bg-white p-2 shadow-sm" data-testid="move-number">
      <input aria-label="Find a target subproject" placeholder="Subproject name…" value={q} onChange={(e) => setQ(e.target.value)} className={input} autoFocus />
      <ul className="max-h-48 overflow-auto text-sm">
        {targets.map((t) => (
          <li key={t.id}>
            <button type="button" disabled={pending} className="w-full truncate rounded px-2 py-1 text-left hover:bg-brand-50" onClick={() => move(t)}>
              {t.displayName}
            </button>
          </li>
        ))}
        {candidates.isSuccess && targets.length === 0 && <li className="px-2 py-1 text-slate-500">No match</li>}
      </ul>
      <FormError message={error} />
      <button type="button" className={button.link} onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}
