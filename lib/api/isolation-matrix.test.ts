import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/api/operations";
import { cliActor } from "@/lib/domain/actor";
import { deleteAccessKey } from "@/lib/domain/access-keys";
import { newSubprojectId } from "@/lib/domain/ids";
import { tokenEndpoint } from "@/lib/api/oauth";
import { api, makeKey, tokenFor, type Credentials } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

/**
 * The reference model of API isolation (DESIGN §1), written independently of the code under
 * test: a key reaches its own node, and a top-level project's key also reaches that project's
 * subprojects. Nothing else.
 */
interface ModelNode {
  id: string;
  parentId: string | null;
  accountId: string;
}
function modelAllows(keyNode: ModelNode, target: ModelNode | undefined): boolean {
  if (!target) return false;
  if (target.id === keyNode.id) return true;
  return keyNode.parentId === null && target.parentId === keyNode.id && target.accountId === keyNode.accountId;
}

type Principal = "projectKey" | "subprojectKey" | "siblingKey" | "otherAccountKey" | "deletedKey" | "none";
type Target = "own" | "sibling" | "parent" | "otherAccount" | "missing";

/** Fills an operation's path template: the target parameter gets the node, others a plausible value. */
function pathFor(template: string, targetParam: string, nodeId: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === targetParam) return nodeId;
    if (name === "phoneNumber") return "+12025550100";
    return randomUUID();
  });
}

async function world() {
  const a = await makeTree("Iso A");
  const b = await makeTree("Iso B");
  const nodes: Record<string, ModelNode> = {};
  for (const n of [a.project, a.sub1, a.sub2, b.project, b.sub1]) nodes[n.id] = { id: n.id, parentId: n.parentId, accountId: n.accountId };
  const keys: Record<Exclude<Principal, "none">, { creds: Credentials; node: ModelNode }> = {
    projectKey: { creds: await makeKey(a.project.id), node: nodes[a.project.id]! },
    subprojectKey: { creds: await makeKey(a.sub1.id), node: nodes[a.sub1.id]! },
    siblingKey: { creds: await makeKey(a.sub2.id), node: nodes[a.sub2.id]! },
    otherAccountKey: { creds: await makeKey(b.project.id), node: nodes[b.project.id]! },
    deletedKey: { creds: await makeKey(a.sub1.id), node: nodes[a.sub1.id]! },
  };
  const tokens: Partial<Record<Principal, string>> = {};
  for (const [name, k] of Object.entries(keys)) tokens[name as Principal] = await tokenFor(k.creds);
  await deleteAccessKey(cliActor, a.sub1.id, keys.deletedKey.creds.keyId);
  // Targets from the subproject key's point of view; each principal is checked against all of them.
  const targets: Record<Target, string> = { own: a.sub1.id, sibling: a.sub2.id, parent: a.project.id, otherAccount: b.sub1.id, missing: newSubprojectId() };
  return { nodes, keys, tokens, targets };
}

describe("isolation matrix: principals × every /v1 endpoint × targets", () => {
  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", async (_, op) => {
    const principals: Principal[] = ["projectKey", "subprojectKey", "siblingKey", "otherAccountKey", "deletedKey", "none"];
    const body = op.method === "GET" ? undefined : {};
    for (const principal of principals) {
      // A fresh tree per principal: a destructive call (DELETE, :suspend) cannot change what the next principal sees.
      const w = await world();
      const missingDenial = await api(op.method, `/v1${pathFor(op.path, op.target.param, w.targets.missing)}`, { token: w.tokens[principal], body });
      for (const target of Object.keys(w.targets) as Target[]) {
        const nodeId = w.targets[target];
        const response = await api(op.method, `/v1${pathFor(op.path, op.target.param, nodeId)}`, { token: w.tokens[principal], body });
        const label = `${principal} → ${target}`;
        if (principal === "none" || principal === "deletedKey") {
          expect(response.status, label).toBe(401);
          expect(response.body, label).toMatchObject({ error: { status: "UNAUTHENTICATED" } });
          continue;
        }
        // /v1/subprojects/{id} only names subprojects: a top-level project there is as absent as a made-up ID.
        const named = op.target.param === "subprojectId" && w.nodes[nodeId]?.parentId === null ? undefined : w.nodes[nodeId];
        const allowed = modelAllows(w.keys[principal].node, named);
        const normalise = (body: unknown, id: string) => JSON.parse(JSON.stringify(body).split(id).join("<id>"));
        if (allowed) {
          expect([401, 403].includes(response.status) && JSON.stringify(normalise(response.body, nodeId)) === JSON.stringify(normalise(missingDenial.body, w.targets.missing)), `${label} must be allowed`).toBe(false);
        } else {
          // Not allowed is indistinguishable from not there: same status, same body.
          expect(response.status, label).toBe(missingDenial.status);
          expect(normalise(response.body, nodeId), label).toEqual(normalise(missingDenial.body, w.targets.missing));
          expect(response.body, label).toMatchObject({ error: { status: op.target.unreachable } });
        }
      }
    }
  });

  it("POST /oauth2/token: live keys get tokens, deleted keys and missing credentials do not", async () => {
    const w = await world();
    const basic = (c: Credentials) => `Basic ${Buffer.from(`${c.keyId}:${c.secret}`).toString("base64")}`;
    const token = (authorization?: string) =>
      tokenEndpoint(new Request("http://api.test/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...(authorization ? { authorization } : {}) }, body: "grant_type=client_credentials" }));
    for (const p of ["projectKey", "subprojectKey", "siblingKey", "otherAccountKey"] as const) expect((await token(basic(w.keys[p].creds))).status, p).toBe(200);
    expect((await token(basic(w.keys.deletedKey.creds))).status).toBe(401);
    expect((await token()).status).toBe(401);
    expect((await token(basic({ keyId: w.keys.projectKey.creds.keyId, secret: "wrong" }))).status).toBe(401);
    // Form-body credentials work the same way.
    const form = await tokenEndpoint(
      new Request("http://api.test/oauth2/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: w.keys.subprojectKey.creds.keyId, client_secret: w.keys.subprojectKey.creds.secret }).toString(),
      }),
    );
    expect(form.status).toBe(200);
  });

  it("project IDs of every shape that is not a node are denied like missing ones", async () => {
    const w = await world();
    for (const id of [randomBytes(16).toString("hex"), "not-an-id", "..%2F..%2Fetc", "' OR 1=1 --"]) {
      const r = await api("GET", `/v1/projects/${encodeURIComponent(id)}/accessKeys`, { token: w.tokens.projectKey });
      expect([403, 400]).toContain(r.status);
      expect(r.body).toHaveProperty("error.status");
    }
  });
});
