"use client";

import { useState } from "react";

/** An ID in monospace with a copy button: IDs are what people paste into API calls and configs. */
export function CopyId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code className="font-mono text-xs" data-testid="app-id">
        {id}
      </code>
      <button
        type="button"
        className="text-xs text-brand-600 hover:underline"
        aria-label={`Copy ID ${id}`}
        onClick={() => void navigator.clipboard?.writeText(id).then(() => setCopied(true))}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
