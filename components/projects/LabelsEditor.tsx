"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

/** Edits a node's labels as key/value rows; saving replaces the whole map (the server validates limits). */
export function LabelsEditor({ nodeId, labels }: { nodeId: string; labels: Record<string, string> }) {
  const [rows, setRows] = useState(() => Object.entries(labels).map(([key, value]) => ({ key, value })));
  const { run, error, pending, setError } = useAction();
  const update = (i: number, patch: Partial<{ key: string; value: string }>) => setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  async function save() {
    const keys = rows.map((r) => r.key.trim());
    if (new Set(keys).size !== keys.length) return setError("Each label key can appear only once.");
    const map = Object.fromEntries(rows.map((r) => [r.key.trim(), r.value.trim()]));
    await run(() => apiFetch(`/api/projects/${nodeId}`, { method: "PATCH", body: { labels: map } }));
  }

  return (
    <div className="flex flex-col gap-2" data-testid="labels-editor">
      {rows.length === 0 && <p className="text-sm text-slate-500">No labels. Labels let you group and filter customers, e.g. region=eu.</p>}
      {rows.map((row, i) => (
        <div key={i} className="flex gap-2">
          <input aria-label={`Label ${i + 1} key`} value={row.key} onChange={(e) => update(i, { key: e.target.value })} placeholder="key" maxLength={255} className={`${input} w-40 font-mono`} />
          <input aria-label={`Label ${i + 1} value`} value={row.value} onChange={(e) => update(i, { value: e.target.value })} placeholder="value" maxLength={255} className={`${input} w-56 font-mono`} />
          <button type="button" className={button.secondary} aria-label={`Remove label ${i + 1}`} onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <div className="flex gap-2">
        <button type="button" className={button.secondary} onClick={() => setRows((r) => [...r, { key: "", value: "" }])}>
          + Add label
        </button>
        <button type="button" className={button.primary} onClick={() => void save()} disabled={pending}>
          {pending ? "Saving…" : "Save labels"}
        </button>
      </div>
      <FormError message={error} />
    </div>
  );
}
