import { button } from "./styles";

/** Cancel and Save buttons at the foot of an edit dialog's form; Save submits the form. */
export function DialogFooter({ onCancel, pending }: { onCancel: () => void; pending: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className={button.secondary} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={button.primary} disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </div>
  );
}
