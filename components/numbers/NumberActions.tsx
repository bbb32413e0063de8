"use client";

import { useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState(false);
  const { run, error, pending, setError } = useAction();
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
    if (await run(() => apiFetch(url, { method: "PATCH", body }))) dialog.current?.close();
  }

  function release() {
    if (window.confirm(`Release ${number.phoneNumber}? It returns to inventory at once and anyone may rent it; its SMS and voice links are removed.`)) {
      void run(() => apiFetch(url, { method: "DELETE" }));
    }
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
            setEditing(true);
            dialog.current?.showModal();
          }}
        >
          Configure
        </button>
        <button type="button" className={button.danger} disabled={pending} onClick={release}>
          Release
        </button>
      </div>
      <dialog ref={dialog} onClose={() => setEditing(false)} aria-label={`Configure ${number.phoneNumber}`} className="w-[28rem] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/30">
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
      {!editing && <FormError message={error} />}
    </div>
  );
}
