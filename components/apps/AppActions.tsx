"use client";

import { useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { AppFields, appFieldValues } from "./AppFields";

interface EditableApp {
  appId: string;
  displayName: string;
  region: string;
  callbackUrl: string | null;
}

/** Edit (in a modal dialog) and Delete (after a confirmation) for one app. */
export function AppActions({ nodeId, app }: { nodeId: string; app: EditableApp }) {
  const { run, error, pending, setError } = useAction();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [editing, setEditing] = useState(false);
  const url = `/api/projects/${nodeId}/apps/${app.appId}`;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = appFieldValues(new FormData(event.currentTarget));
    if (await run(() => apiFetch(url, { method: "PATCH", body }))) dialog.current?.close();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button
          type="button"
          className={button.secondary}
          disabled={pending}
          onClick={() => {
            setError(null);
            form.current?.reset(); // drop edits left over from a cancelled attempt
            setEditing(true);
            dialog.current?.showModal();
          }}
        >
          Edit
        </button>
        <button
          type="button"
          className={button.danger}
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Delete "${app.displayName}"? Numbers configured with it lose that configuration.`)) void run(() => apiFetch(url, { method: "DELETE" }));
          }}
        >
          Delete
        </button>
      </div>
      {!editing && <FormError message={error} />}
      <dialog ref={dialog} onClose={() => setEditing(false)} aria-label={`Edit ${app.displayName}`} className="m-auto rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        {/* Keyed by the saved values, so the fields start from the refreshed app after a save. */}
        <form ref={form} key={`${app.displayName}\n${app.region}\n${app.callbackUrl}`} onSubmit={onSave} className="flex flex-col gap-3 p-5 text-left">
          <h2 className="font-medium">Edit {app.displayName}</h2>
          <code className="text-xs text-slate-500">{app.appId}</code>
          <AppFields defaults={app} />
          {editing && <FormError message={error} />}
          <div className="flex justify-end gap-2">
            <button type="button" className={button.secondary} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={button.primary} disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
