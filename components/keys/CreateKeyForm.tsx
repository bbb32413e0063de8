"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

interface Created {
  accessKey: { accessKeyId: string; displayName: string };
  secret: string;
}

/** Creates a key and shows its secret exactly once, with a copy button and a clear warning. */
export function CreateKeyForm({ nodeId }: { nodeId: string }) {
  const { run, error, pending } = useAction();
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const displayName = String(new FormData(form).get("displayName") ?? "");
    await run(async () => {
      setCreated(await apiFetch<Created>(`/api/projects/${nodeId}/keys`, { method: "POST", body: { displayName } }));
      setCopied(false);
      form.reset();
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="flex items-end gap-2" aria-label="New access key">
        <label className="flex flex-col gap-1 text-sm">
          Key name
          <input name="displayName" required maxLength={255} className={`${input} w-64`} placeholder="e.g. billing-service" />
        </label>
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      <FormError message={error} />
      {created && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="new-key-secret">
          <p className="font-medium text-amber-900">Copy the secret now. It is shown only this once and cannot be recovered; if you lose it, delete the key and create another.</p>
          <dl className="mt-3 grid grid-cols-[7rem_1fr] items-center gap-y-2">
            <dt className="text-slate-600">Key ID</dt>
            <dd className="font-mono" data-testid="new-key-id">
              {created.accessKey.accessKeyId}
            </dd>
            <dt className="text-slate-600">Secret</dt>
            <dd className="flex items-center gap-2">
              <code className="break-all rounded bg-white px-2 py-1 font-mono" data-testid="new-key-value">
                {created.secret}
              </code>
              <button
                type="button"
                className={button.secondary}
                onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
              >
                {copied ? "Copied" : "Copy"}
              </button>
            </dd>
          </dl>
          <button type="button" className={`${button.link} mt-3`} onClick={() => setCreated(null)}>
            I have stored the secret — hide it
          </button>
        </div>
      )}
    </div>
  );
}
