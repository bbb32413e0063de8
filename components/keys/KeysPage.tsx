import { NodeHeader } from "@/components/projects/NodeHeader";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/DataTable";
import { card } from "@/components/ui/styles";
import type { NodeAccess } from "@/lib/authz/people";
import { listAccessKeys } from "@/lib/domain/access-keys";
import { MAX_KEYS_PER_PROJECT } from "@/lib/schemas/access-keys";
import { CreateKeyForm } from "./CreateKeyForm";
import { KeyActions } from "./KeyActions";

/** Access keys of one project or subproject (the same page on both tiers). */
export async function KeysPage({ access }: { access: NodeAccess }) {
  const { accessKeys } = await listAccessKeys(access.node.id, { pageSize: MAX_KEYS_PER_PROJECT });
  const canWrite = access.permissions.has("key.write") && !access.node.deleted;
  const scope = access.node.parentId
    ? "A subproject's keys reach this subproject only — never its parent or its siblings."
    : "A project's keys reach the project and every one of its subprojects.";
  return (
    <div className="flex flex-col gap-6">
      <NodeHeader access={access} active="keys" />
      <p className="text-sm text-slate-600">
        {scope} Exchange a key for a token at <code>POST /oauth2/token</code> (client credentials). At most {MAX_KEYS_PER_PROJECT} keys per project or subproject.
      </p>
      {canWrite && accessKeys.length < MAX_KEYS_PER_PROJECT && (
        <section className={`${card} p-4`}>
          <CreateKeyForm nodeId={access.node.id} />
        </section>
      )}
      <section className={card}>
        <DataTable
          columns={["Name", "Key ID", "Secret", "Created", "Last used", canWrite && ACTIONS_COLUMN]}
          rows={accessKeys}
          empty="No access keys yet."
          row={(k) => (
            <tr key={k.accessKeyId} data-testid="access-key-row">
              <td className="px-4 py-2 font-medium">{k.displayName}</td>
              <td className="px-4 py-2 font-mono text-xs">{k.accessKeyId}</td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500">{k.secretHint}</td>
              <td className="px-4 py-2 text-slate-600">
                {k.createTime.toISOString().slice(0, 10)} <span className="text-slate-400">by {k.createdBy}</span>
              </td>
              <td className="px-4 py-2 text-slate-600">{k.lastUsedTime ? k.lastUsedTime.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
              {canWrite && (
                <td className="px-4 py-2">
                  <KeyActions nodeId={access.node.id} keyId={k.accessKeyId} name={k.displayName} />
                </td>
              )}
            </tr>
          )}
        />
      </section>
    </div>
  );
}
