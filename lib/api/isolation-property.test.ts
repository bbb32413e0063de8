import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/domain/actor";
import { deleteAccessKey } from "@/lib/domain/access-keys";
import { createAccount } from "@/lib/domain/accounts";
import { createProject, createSubproject } from "@/lib/domain/projects";
import { deleteSubproject } from "@/lib/domain/subproject-lifecycle";
import { api, makeKey, tokenFor, type Credentials } from "@/scripts/test-support/api";

const unlimited = { enforceSelfServiceLimits: false };

/** The model, independent of lib/authz: which status a key gets listing a node's access keys. */
interface MNode {
  id: string;
  parentId: string | null;
  accountId: string;
  deleted: boolean;
}
interface MKey {
  creds: Credentials;
  token: string;
  node: MNode;
  deleted: boolean;
}
function expectedStatus(key: MKey, target: MNode): number {
  if (key.deleted || key.node.deleted) return 401;
  if (target.deleted) return 403;
  if (target.accountId !== key.node.accountId) return 403;
  if (target.id === key.node.id) return 200;
  if (key.node.parentId === null && target.parentId === key.node.id) return 200;
  return 403;
}

// A random tree: accounts → projects → subprojects, keys on random nodes, random deletions.
const treeShape = fc.record({
  accounts: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
  keyPicks: fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
  deletedSubprojects: fc.array(fc.nat(), { maxLength: 2 }),
  deletedKeys: fc.array(fc.nat(), { maxLength: 1 }),
});

describe("isolation property: random trees and keys agree with the model", () => {
  it("every key × every node gets exactly the model's answer", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(treeShape, async (shape) => {
        const nodes: MNode[] = [];
        for (const [ai, projectSizes] of shape.accounts.entries()) {
          const account = await createAccount(cliActor, { name: `Prop ${ai}`, plan: "enterprise" });
          for (const [pi, subCount] of projectSizes.entries()) {
            const p = await createProject(cliActor, { accountId: account.id, displayName: `P${pi}` }, unlimited);
            nodes.push({ id: p.id, parentId: null, accountId: account.id, deleted: false });
            for (let s = 0; s < subCount; s++) {
              const sp = await createSubproject(cliActor, { parentProjectId: p.id, displayName: `S${s}` }, unlimited);
              nodes.push({ id: sp.id, parentId: p.id, accountId: account.id, deleted: false });
            }
          }
        }
        const keys: MKey[] = [];
        for (const pick of shape.keyPicks) {
          const node = nodes[pick % nodes.length]!;
          const creds = await makeKey(node.id);
          keys.push({ creds, token: await tokenFor(creds), node, deleted: false });
        }
        const subprojects = nodes.filter((n) => n.parentId);
        for (const pick of shape.deletedSubprojects) {
          if (subprojects.length === 0) break;
          const victim = subprojects[pick % subprojects.length]!;
          await deleteSubproject(cliActor, victim.id);
          victim.deleted = true;
        }
        for (const pick of shape.deletedKeys) {
          const victim = keys[pick % keys.length]!;
          if (!victim.deleted && !victim.node.deleted) await deleteAccessKey(cliActor, victim.node.id, victim.creds.keyId);
          victim.deleted = true;
        }
        for (const key of keys) {
          for (const target of nodes) {
            const response = await api("GET", `/v1/projects/${target.id}/accessKeys`, { token: key.token });
            expect(response.status, `key on ${key.node.id} (${key.node.parentId ? "sub" : "top"}) → ${target.id}`).toBe(expectedStatus(key, target));
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
