"use client";

import { type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

/** Sets or removes a subproject's monthly cap (decimal amount in the account's currency). */
export function SpendCapForm({ subprojectId, currency, current }: { subprojectId: string; currency: string; current: string | null }) {
  const { run, error, pending } = useAction();
  const save = (monthlyCap: string | null) => run(() => apiFetch(`/api/projects/${subprojectId}/spend-cap`, { method: "PUT", body: { monthlyCap } }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(String(new FormData(event.currentTarget).get("monthlyCap") ?? ""));
  }
  return (
    <div className="flex flex-col gap-2">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Spend cap">
        <label className="flex flex-col gap-1 text-sm">
          Monthly cap ({currency})
          <input name="monthlyCap" required inputMode="decimal" pattern="\d{1,13}(\.\d{1,2})?" defaultValue={current ?? ""} className={`${input} w-36`} placeholder="e.g. 250.00" />
        </label>
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Saving…" : current ? "Change cap" : "Set cap"}
        </button>
        {current && (
          <button type="button" className={button.secondary} disabled={pending} onClick={() => void save(null)}>
            Remove cap
          </button>
        )}
      </form>
      <FormError message={error} />
    </div>
  );
}
