"use client";

import type { ReactNode } from "react";
import { button } from "./styles";

/** A button that asks `question` in the browser's confirm box and calls `onConfirm` only if the person agrees. */
export function ConfirmButton({
  question,
  onConfirm,
  disabled,
  className = button.danger,
  children,
}: {
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {children}
    </button>
  );
}
