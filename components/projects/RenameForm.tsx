"use client";

import type { FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

export function RenameForm({ nodeId, displayName }: { nodeId: string; displayName: string }) {
  const { run, error, pending } = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("displayName") ?? "");
    await run(() => apiFetch(`/api/projects/${nodeId}`, { method: "PATCH", body: { displayName: name } }));
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Rename">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Display name
        <span className="flex gap-2">
          <input name="displayName" defaultValue={displayName} required maxLength={255} className={`${input} w-80 font-normal`} />
          <button type="submit" className={button.primary} disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </button>
        </span>
      </label>
      <FormError message={error} />
    </form>
  );
}
