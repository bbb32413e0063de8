"use client";

import { useRef, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { DialogFooter } from "@/components/ui/DialogFooter";
import { FormError } from "@/components/ui/FormError";
import { RowActions } from "@/components/ui/RowActions";
import { button } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { useEditDialog } from "@/components/ui/use-edit-dialog";
import { AppFields, appFieldValues } from "./AppFields";

interface EditableApp {
  appId: string;
  displayName: string;
  region: string;
  callbackUrl: string | null;
}

/** Edit (in a modal dialog) and Delete (after a confirmation) for one app. */
export function AppActions({ nodeId, app }: { nodeId: string; app: EditableApp }) {
  const action = useAction();
  const { run, error, pending } = action;
  const { dialogRef, editing, openDialog, closeDialog, onDialogClose, save } = useEditDialog(action);
  const form = useRef<HTMLFormElement>(null);
  const url = `/api/projects/${nodeId}/apps/${app.appId}`;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = appFieldValues(new FormData(event.currentTarget));
    await save(() => apiFetch(url, { method: "PATCH", body }));
  }

  return (
    <RowActions
      buttons={
        <>
          <button
            type="button"
            className={button.secondary}
            disabled={pending}
            onClick={() => {
              form.current?.reset(); // drop edits left over from a cancelled attempt
              openDialog();
            }}
          >
            Edit
          </button>
          <ConfirmButton
            question={`Delete "${app.displayName}"? Numbers configured with it lose that configuration.`}
            disabled={pending}
            onConfirm={() => void run(() => apiFetch(url, { method: "DELETE" }))}
          >
            Delete
          </ConfirmButton>
        </>
      }
    >
      {!editing && <FormError message={error} />}
      <dialog ref={dialogRef} onClose={onDialogClose} aria-label={`Edit ${app.displayName}`} className="m-auto rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        {/* Keyed by the saved values, so the fields start from the refreshed app after a save. */}
        <form ref={form} key={`${app.displayName}\n${app.region}\n${app.callbackUrl}`} onSubmit={onSave} className="flex flex-col gap-3 p-5 text-left">
          <h2 className="font-medium">Edit {app.displayName}</h2>
          <code className="text-xs text-slate-500">{app.appId}</code>
          <AppFields defaults={app} />
          {editing && <FormError message={error} />}
          <DialogFooter onCancel={closeDialog} pending={pending} />
        </form>
      </dialog>
    </RowActions>
  );
}
