"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { APP_KIND_LABELS, APP_KINDS } from "@/lib/schemas/apps";
import { AppFields, appFieldValues } from "./AppFields";

interface Created {
  app: { appId: string; kind: (typeof APP_KINDS)[number]; displayName: string };
}

/** Creates an app of any kind on this node and confirms it with its new ID. */
export function CreateAppForm({ nodeId }: { nodeId: string }) {
  const { run, error, pending } = useAction();
  const [created, setCreated] = useState<Created["app"] | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = { kind: String(data.get("kind") ?? ""), ...appFieldValues(data) };
    await run(async () => {
      setCreated((await apiFetch<Created>(`/api/projects/${nodeId}/apps`, { method: "POST", body })).app);
      form.reset();
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="New app">
        <label className="flex flex-col gap-1 text-sm">
          Kind
          <select name="kind" defaultValue="sms_service_plan" className={input}>
            {APP_KINDS.map((k) => (
              <option key={k} value={k}>
                {APP_KIND_LABELS[k].one}
              </option>
            ))}
          </select>
        </label>
        <AppFields />
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Creating…" : "Create app"}
        </button>
      </form>
      <FormError message={error} />
      {created && !error && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="app-created">
          Created {APP_KIND_LABELS[created.kind].one} “{created.displayName}” with ID <code className="font-mono">{created.appId}</code>.
        </p>
      )}
    </div>
  );
}
