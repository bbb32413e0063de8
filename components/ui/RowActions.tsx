import type { ReactNode } from "react";

/** A table row's action buttons, right-aligned, with what belongs under them (the last action's error, an edit dialog). */
export function RowActions({ buttons, children }: { buttons: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">{buttons}</div>
      {children}
    </div>
  );
}
