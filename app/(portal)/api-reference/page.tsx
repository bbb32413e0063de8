import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/ApiReference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="mt-1 text-sm text-slate-600">
          Create an access key on a project or subproject (its Access keys tab), exchange it at <code>POST /oauth2/token</code>, and call these endpoints with the
          Bearer token. The machine-readable document is at <a className="text-brand-600 hover:underline" href="/v1/openapi.json">/v1/openapi.json</a>.
        </p>
      </div>
      <ApiReference />
    </div>
  );
}
