"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";

/**
 * "New project" / "New subproject": one name field. The server enforces plan limits and the
 * one-level rule; its message is shown as is.
 */
export function CreateNodeForm({ url, kind, hrefPrefix }: { url: string; kind: "project" | "subproject"; hrefPrefix: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const displayName = String(new FormData(event.currentTarget).get("displayName") ?? "");
    setPending(true);
    setError(null);
    try {
      const result = await apiFetch<{ project?: { id: string }; subproject?: { id: string } }>(url, { method: "POST", body: { displayName } });
      const id = (result.project ?? result.subproject)!.id;
      await queryClient.invalidateQueries();
      router.push(hrefPrefix + id);
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className={button.primary} onClick={() => setOpen(true)}>
        + New {kind}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-label={`New ${kind}`}>
      <div className="flex gap-2">
        <input name="displayName" aria-label={`${kind === "project" ? "Project" : "Subproject"} name`} placeholder={`${kind === "project" ? "Project" : "Subproject"} name`} required maxLength={255} className={`${input} w-64`} autoFocus />
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Creating…" : "Create"}
        </button>
        <button type="button" className={button.secondary} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
