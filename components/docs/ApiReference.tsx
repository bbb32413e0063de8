"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";

/** Interactive reference for /v1, rendered by Scalar from the generated OpenAPI document. */
export function ApiReference() {
  return (
    <div data-testid="api-reference" className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <ApiReferenceReact
        configuration={{
          url: "/v1/openapi.json",
          // Self-contained: no web fonts or request proxy from third-party hosts.
          withDefaultFonts: false,
          hideClientButton: false,
          hideDarkModeToggle: true,
          telemetry: false,
        }}
      />
    </div>
  );
}
