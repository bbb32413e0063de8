"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

export function DeleteSubprojectButton({ subprojectId, parentId, name }: { subprojectId: string; parentId: string; name: string }) {
  const router = useRouter();
  const { run, error, pending } = useAction();
  async function onClick() {
    if (!window.confirm(`Delete "${name}"? Its access keys stop working at once. It can be restored through the API for 30 days.`)) return;
    if (await run(() => apiFetch(`/api/projects/${subprojectId}`, { method: "DELETE" }))) router.push(`/projects/${parentId}`);
  }
  return (
    <div className="flex flex-col gap-2">
      <button type="button" className={button.danger} onClick={() => void onClick()} disabled={pending}>
        Delete subproject
      </button>
      <FormError message={error} />
    </div>
  );
}
