"use client";

import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

/** Change-role select and Remove button for one person (project or account membership). */
export function MemberActions({ url, name, role, roles }: { url: string; name: string; role: string; roles: { value: string; label: string }[] }) {
  const { run, error, pending } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <select
          aria-label={`Role of ${name}`}
          defaultValue={role}
          disabled={pending}
          className={input}
          onChange={(e) => void run(() => apiFetch(url, { method: "PATCH", body: { role: e.target.value } }))}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <ConfirmButton question={`Remove ${name}? They lose access at their next page load.`} disabled={pending} onConfirm={() => void run(() => apiFetch(url, { method: "DELETE" }))}>
          Remove
        </ConfirmButton>
      </div>
      <FormError message={error} />
    </div>
  );
}
