"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

export function CreateWebhookForm({ projectId }: { projectId: string }) {
  const { run, error, pending } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const url = String(new FormData(form).get("url") ?? "");
    await run(async () => {
      const created = await apiFetch<{ secret: string }>(`/api/projects/${projectId}/webhooks`, { method: "POST", body: { url } });
      setSecret(created.secret);
      form.reset();
    });
  }
  return (
    <div className="flex flex-col gap-2">
      <form onSubmit={onSubmit} className="flex items-end gap-2" aria-label="New webhook">
        <label className="flex flex-col gap-1 text-sm">
          Endpoint URL
          <input name="url" type="url" required placeholder="https://example.com/hooks/build-portal" className={`${input} w-96`} />
        </label>
        <button type="submit" className={button.primary} disabled={pending}>
          Add webhook
        </button>
      </form>
      <FormError message={error} />
      {secret && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          Signing secret (shown once): <code className="font-mono" data-testid="webhook-secret">{secret}</code>
        </p>
      )}
    </div>
  );
}

export function DeleteWebhookButton({ projectId, webhookId }: { projectId: string; webhookId: string }) {
  const { run, error, pending } = useAction();
  return (
    <span className="flex flex-col items-end">
      <ConfirmButton
        question="Delete this webhook? Pending deliveries are dropped."
        disabled={pending}
        onConfirm={() => void run(() => apiFetch(`/api/projects/${projectId}/webhooks/${webhookId}`, { method: "DELETE" }))}
      >
        Delete
      </ConfirmButton>
      <FormError message={error} />
    </span>
  );
}
