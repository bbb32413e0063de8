"use client";

import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { RowActions } from "@/components/ui/RowActions";
import { button } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

export function KeyActions({ nodeId, keyId, name }: { nodeId: string; keyId: string; name: string }) {
  const { run, error, pending } = useAction();
  const url = `/api/projects/${nodeId}/keys/${keyId}`;
  return (
    <RowActions
      buttons={
        <>
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
          <ConfirmButton
            question={`Delete "${name}"? Every call using it fails from the next request on.`}
            disabled={pending}
            onConfirm={() => void run(() => apiFetch(url, { method: "DELETE" }))}
          >
            Delete
          </ConfirmButton>
        </>
      }
    >
      <FormError message={error} />
    </RowActions>
  );
}
