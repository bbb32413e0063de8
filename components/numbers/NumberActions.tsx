"use client";

import type { FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { DialogFooter } from "@/components/ui/DialogFooter";
import { FormError } from "@/components/ui/FormError";
import { RowActions } from "@/components/ui/RowActions";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { useEditDialog } from "@/components/ui/use-edit-dialog";

interface LinkableApp {
  id: string;
  displayName: string;
}

export interface NumberSettingsValues {
  phoneNumber: string;
  capabilities: string[];
  displayName: string;
  servicePlanId: string;
  campaignId: string;
  voiceAppId: string;
  voiceType: string;
  callbackUrl: string;
}

/** Configure (in a dialog) and release one rented number. */
export function NumberActions({ nodeId, number, servicePlans, voiceApps }: { nodeId: string; number: NumberSettingsValues; servicePlans: LinkableApp[]; voiceApps: LinkableApp[] }) {
  const action = useAction();
  const { run, error, pending } = action;
  const { dialogRef, editing, openDialog, closeDialog, onDialogClose, save } = useEditDialog(action);
  const url = `/api/projects/${nodeId}/numbers/${number.phoneNumber.slice(1)}`;
  const sms = number.capabilities.includes("SMS");
  const voice = number.capabilities.includes("VOICE");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body: Record<string, unknown> = { displayName: text("displayName"), callbackUrl: text("callbackUrl") };
    if (sms) body.smsConfiguration = { servicePlanId: text("servicePlanId"), campaignId: text("campaignId") || undefined };
    if (voice) body.voiceConfiguration = { type: text("voiceType") || "RTC", appId: text("voiceAppId") };
    await save(() => apiFetch(url, { method: "PATCH", body }));
  }

  return (
    <RowActions
      buttons={
        <>
          <button type="button" className={button.secondary} disabled={pending} onClick={openDialog}>
            Configure
          </button>
          <ConfirmButton
            question={`Release ${number.phoneNumber}? It returns to inventory at once and anyone may rent it; its SMS and voice links are removed.`}
            disabled={pending}
            onConfirm={() => void run(() => apiFetch(url, { method: "DELETE" }))}
          >
            Release
          </ConfirmButton>
        </>
      }
    >
      <dialog ref={dialogRef} onClose={onDialogClose} aria-label={`Configure ${number.phoneNumber}`} className="w-[28rem] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/30">
        <form onSubmit={onSubmit} className="flex flex-col gap-3 p-5 text-left text-sm">
          <h2 className="text-base font-semibold">
            Configure <span className="font-mono">{number.phoneNumber}</span>
          </h2>
          <label className="flex flex-col gap-1 font-medium">
            Display name
            <input name="displayName" defaultValue={number.displayName} maxLength={255} className={`${input} font-normal`} />
          </label>
          {sms && (
            <div className="grid grid-cols-[1fr_9rem] gap-2">
              <label className="flex flex-col gap-1 font-medium">
                SMS service plan
                <select name="servicePlanId" defaultValue={number.servicePlanId} className={`${input} font-normal`}>
                  <option value="">None</option>
                  {servicePlans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 font-medium">
                10DLC campaign
                <input name="campaignId" defaultValue={number.campaignId} maxLength={64} placeholder="optional" className={`${input} font-normal`} />
              </label>
            </div>
          )}
          {voice && (
            <div className="grid grid-cols-[1fr_9rem] gap-2">
              <label className="flex flex-col gap-1 font-medium">
                Voice app
                <select name="voiceAppId" defaultValue={number.voiceAppId} className={`${input} font-normal`}>
                  <option value="">None</option>
                  {voiceApps.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 font-medium">
                Voice type
                <select name="voiceType" defaultValue={number.voiceType} className={`${input} font-normal`}>
                  <option value="RTC">RTC</option>
                  <option value="EST">EST (SIP)</option>
                  <option value="FAX">FAX</option>
                </select>
              </label>
            </div>
          )}
          {sms && servicePlans.length === 0 && <p className="text-xs text-slate-500">No SMS service plans here yet: create one on the Apps tab to link this number.</p>}
          <label className="flex flex-col gap-1 font-medium">
            Callback URL
            <input name="callbackUrl" type="url" defaultValue={number.callbackUrl} maxLength={2048} placeholder="https://…" className={`${input} font-normal`} />
          </label>
          <FormError message={error} />
          <DialogFooter onCancel={closeDialog} pending={pending} />
        </form>
      </dialog>
      {!editing && <FormError message={error} />}
    </RowActions>
  );
}
