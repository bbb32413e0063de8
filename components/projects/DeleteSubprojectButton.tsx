"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { useAction } from "@/components/ui/use-action";

export function DeleteSubprojectButton({ subprojectId, parentId, name }: { subprojectId: string; parentId: string; name: string }) {
  const router = useRouter();
  const { run, error, pending } = useAction();
  async function remove() {
    if (await run(() => apiFetch(`/api/projects/${subprojectId}`, { method: "DELETE" }))) router.push(`/projects/${parentId}`);
  }
  return (
    <div className="flex flex-col gap-2">
      <ConfirmButton question={`Delete "${name}"? Its access keys stop working at once. It can be restored through the API for 30 days.`} disabled={pending} onConfirm={() => void remove()}>
        Delete subproject
      </ConfirmButton>
      <FormError message={error} />
    </div>
  );
}
