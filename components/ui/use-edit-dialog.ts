"use client";

import { useRef, useState } from "react";
import type { useAction } from "./use-action";

/**
 * A modal edit dialog saved through `action`: opening it clears the last error, a successful save closes it,
 * and `editing` (true while it is open) tells the row to show errors inside the dialog rather than under the row.
 */
export function useEditDialog({ run, setError }: Pick<ReturnType<typeof useAction>, "run" | "setError">) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState(false);
  return {
    dialogRef,
    editing,
    openDialog() {
      setError(null);
      setEditing(true);
      dialogRef.current?.showModal();
    },
    closeDialog() {
      dialogRef.current?.close();
    },
    onDialogClose() {
      setEditing(false);
    },
    async save(mutation: () => Promise<unknown>) {
      if (await run(mutation)) dialogRef.current?.close();
    },
  };
}
