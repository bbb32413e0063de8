"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

/**
 * Adds a person by email with a role. Someone without an account on this portal yet can be
 * created on the spot with a name and an initial password.
 */
export function GrantRoleForm({ url, roles, defaultRole }: { url: string; roles: { value: string; label: string }[]; defaultRole: string }) {
  const { run, error, pending } = useAction();
  const [createNew, setCreateNew] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      email: String(data.get("email") ?? ""),
      role: String(data.get("role") ?? ""),
      ...(createNew ? { newUser: { name: String(data.get("name") ?? ""), password: String(data.get("password") ?? "") } } : {}),
    };
    if (await run(() => apiFetch(url, { method: "POST", body }))) {
      form.reset();
      setCreateNew(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Add a person">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          Email
          <input name="email" type="email" required className={`${input} w-64`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Role
          <select name="role" defaultValue={defaultRole} className={input}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Adding…" : "Add"}
        </button>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        <input type="checkbox" checked={createNew} onChange={(e) => setCreateNew(e.target.checked)} />
        This person has no sign-in yet: create one
      </label>
      {createNew && (
        <div className="flex flex-wrap gap-2">
          <label className="flex flex-col gap-1 text-sm">
            Name
            <input name="name" required className={input} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Initial password
            <input name="password" type="password" minLength={10} required className={input} autoComplete="new-password" />
          </label>
        </div>
      )}
      <FormError message={error} />
    </form>
  );
}
