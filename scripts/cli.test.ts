import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
// On the PGlite fallback the CLI gets its own embedded directory (one process per PGlite database).
const env = { ...process.env, ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: mkdtempSync(path.join(os.tmpdir(), "cli-pglite-")) }) };
const tsx = path.resolve("node_modules/.bin/tsx");

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/cli.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("admin CLI", () => {
  it("bootstraps an admin with --json output that scripts can chain", { timeout: 60_000 }, async () => {
    const account = await cli("create-account", "--name", "CLI Co", "--plan", "enterprise", "--json");
    expect(account.code).toBe(0);
    const { accountId } = JSON.parse(account.stdout) as { accountId: string };
    expect(accountId).toMatch(/^[0-9a-f-]{36}$/);

    const email = `cli-${randomUUID()}@example.test`;
    const user = await cli("create-user", "--email", email, "--password", "cli-password-1", "--name", "Cli Admin", "--json");
    expect(JSON.parse(user.stdout)).toMatchObject({ email, userId: expect.any(String) });

    const member = await cli("add-member", "--account", accountId, "--email", email, "--role", "admin");
    expect(member).toMatchObject({ code: 0 });
    expect(member.stdout).toContain(`${email} added as admin on account ${accountId}`);
  });

  it("refuses bad input with a readable message and a non-zero exit", { timeout: 60_000 }, async () => {
    const badPlan = await cli("create-account", "--name", "X", "--plan", "gold");
    expect(badPlan.code).toBe(1);
    expect(badPlan.stderr).toMatch(/plan/);
    const missing = await cli("create-user", "--email", "a@b.test");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--password is required");
    const help = await cli("--help");
    expect(help.stdout).toMatch(/create-account[\s\S]*create-user[\s\S]*add-member[\s\S]*reset-password/);
  });
});

describe("admin CLI: account tree", () => {
  it("creates a project and labelled subprojects, grants and revokes, and refuses a subproject binding", { timeout: 90_000 }, async () => {
    const { accountId } = JSON.parse((await cli("create-account", "--name", "Tree Co", "--plan", "standard", "--json")).stdout) as { accountId: string };
    const project = JSON.parse((await cli("create-project", "--account", accountId, "--name", "Resellers", "--json")).stdout) as { projectId: string };
    expect(project.projectId).toMatch(/^[0-9a-f]{32}$/);
    const sub = await cli("create-subproject", "--project", project.projectId, "--name", "Customer A", "--label", "region=eu", "--label", "tier=gold", "--json");
    expect(JSON.parse(sub.stdout)).toMatchObject({ subprojectId: expect.stringMatching(/^[0-9A-Z]{26}$/), labels: { region: "eu", tier: "gold" } });
    const { subprojectId } = JSON.parse(sub.stdout) as { subprojectId: string };

    const nested = await cli("create-subproject", "--project", subprojectId, "--name", "Nested");
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/subprojects cannot have subprojects/);

    const email = `grant-${randomUUID()}@example.test`;
    await cli("create-user", "--email", email, "--password", "grant-password", "--name", "G");
    expect((await cli("grant", "--project", project.projectId, "--email", email, "--role", "developer")).stdout).toContain("is now developer");
    const onSub = await cli("grant", "--project", subprojectId, "--email", email, "--role", "viewer");
    expect(onSub.code).toBe(1);
    expect(onSub.stderr).toMatch(/subprojects inherit/);
    expect((await cli("revoke", "--project", project.projectId, "--email", email)).code).toBe(0);
    expect((await cli("revoke", "--project", project.projectId, "--email", email)).code).toBe(1);

    const plan = await cli("set-plan", "--account", accountId, "--plan", "standard", "--project-limit", "5", "--subproject-limit", "50", "--portal-deletion", "on", "--json");
    expect(JSON.parse(plan.stdout)).toEqual({ accountId, plan: "standard", projectLimit: 5, subprojectLimit: 50, portalSubprojectDeletion: true });
    expect((await cli("set-plan", "--account", accountId, "--plan", "standard", "--project-limit", "-1")).code).toBe(2);
  });
});

describe("admin CLI: access keys", () => {
  it("bootstraps an access key and prints the secret once, usable for a token", { timeout: 60_000 }, async () => {
    const { accountId } = JSON.parse((await cli("create-account", "--name", "Key Co", "--plan", "enterprise", "--json")).stdout) as { accountId: string };
    const { projectId } = JSON.parse((await cli("create-project", "--account", accountId, "--name", "Automation", "--json")).stdout) as { projectId: string };
    const created = await cli("create-access-key", "--project", projectId, "--name", "bootstrap", "--json");
    const key = JSON.parse(created.stdout) as { accessKeyId: string; secret: string; projectId: string };
    expect(key).toMatchObject({ accessKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/), secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), projectId });
    const { tokenFor } = await import("@/scripts/test-support/api");
    if (process.env.DATABASE_URL) expect(await tokenFor({ keyId: key.accessKeyId, secret: key.secret })).toMatch(/^ey/);
    const duplicate = await cli("create-access-key", "--project", projectId, "--name", "bootstrap");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
  });
});
