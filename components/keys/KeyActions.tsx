"use client";

import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

export function KeyActions({ nodeId, keyId, name }: { nodeId: string; keyId: string; name: string }) {
  const { run, error, pending } = useAction();
  const url = `/api/projects/${nodeId}/keys/${keyId}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button
          type="button"
          className={button.secondary}
          disabled={pending}
          onClick={() => {
            const displayName = window.prompt(`New name for "${name}"`, name);
            if (displayName && displayName !== name) void run(() => apiFetch(url, { method: "PATCH", body: { displayName } }));
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className={button.danger}
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Delete "${name}"? Every call using it fails from the next request on.`)) void run(() => apiFetch(url, { method: "DELETE" }));
          }}
        >
          Delete
        </button>
      </div>
      <FormError message={error} />
    </div>
  );
}
