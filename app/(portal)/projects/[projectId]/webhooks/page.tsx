import type { Metadata } from "next";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { DataTable } from "@/components/ui/DataTable";
import { card } from "@/components/ui/styles";
import { CreateWebhookForm, DeleteWebhookButton } from "@/components/webhooks/WebhookForms";
import { requireProjectPage } from "@/lib/authz/request";
import { listRecentDeliveries, listWebhookEndpoints } from "@/lib/domain/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

/** Lifecycle webhooks of a project (its subprojects' events included) and their delivery attempts. */
export default async function WebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId, "project.update");
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(projectId), listRecentDeliveries(projectId)]);
  return (
    <div className="flex flex-col gap-6">
      <ProjectHeader access={access} active="webhooks" />
      <p className="text-sm text-slate-600">
        Signed JSON events (<code>subproject.*</code>, <code>accessKey.*</code>, <code>number.*</code>, <code>spend.*</code>) are POSTed after each change commits, with retries and back-off.
        Verify the <code>X-BuildPortal-Signature</code> header: <code>t=…,v1=HMAC-SHA256(secret, t + &quot;.&quot; + body)</code>.
      </p>
      <section className={`${card} flex flex-col gap-4 p-4`}>
        <CreateWebhookForm projectId={projectId} />
        <ul className="divide-y divide-slate-100 text-sm">
          {endpoints.map((e) => (
            <li key={e.id} className="flex items-center justify-between py-2" data-testid="webhook-endpoint">
              <span>
                <span className="font-mono">{e.url}</span> <span className="text-slate-400">secret {e.secretHint}</span>
              </span>
              <DeleteWebhookButton projectId={projectId} webhookId={e.id} />
            </li>
          ))}
        </ul>
      </section>
      <section className={card}>
        <h2 className="border-b border-slate-200 px-4 py-3 font-medium">Recent deliveries</h2>
        <DataTable
          columns={["Event", "Endpoint", "State", "Attempts", "Last result", "Created"]}
          rows={deliveries}
          empty="No events yet."
          row={(d) => (
            <tr key={d.id} data-testid="webhook-delivery">
              <td className="px-4 py-2 font-mono text-xs">{d.eventType}</td>
              <td className="px-4 py-2 font-mono text-xs">{d.url}</td>
              <td className="px-4 py-2">{d.state === "pending" && d.attempts > 0 ? `retrying ${d.nextAttemptAt.toISOString().slice(11, 19)}` : d.state}</td>
              <td className="px-4 py-2">{d.attempts}</td>
              <td className="px-4 py-2 text-slate-600">{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "—")}</td>
              <td className="px-4 py-2 text-slate-600">{d.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
            </tr>
          )}
        />
      </section>
    </div>
  );
}
