import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makePerson, makeTree } from "@/scripts/test-support/fixtures";
import { newSubprojectId } from "@/lib/domain/ids";
import { getDb } from "./client";

// Each case issues raw SQL, bypassing every application check: Postgres itself must refuse.
describe("account tree rules enforced by Postgres", () => {
  it("rejects a subproject whose parent is a subproject", async () => {
    const { account, sub1 } = await makeTree();
    const db = await getDb();
    await expect(
      db.execute(sql`insert into projects (id, account_id, parent_id, display_name) values (${newSubprojectId()}, ${account.id}, ${sub1.id}, 'grandchild')`),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/parent must be a top-level project/) }) });
  });

  it("rejects a subproject whose parent is in another account", async () => {
    const mine = await makeTree();
    const theirs = await makeTree();
    const db = await getDb();
    await expect(
      db.execute(sql`insert into projects (id, account_id, parent_id, display_name) values (${newSubprojectId()}, ${mine.account.id}, ${theirs.project.id}, 'cross-tenant')`),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/projects_parent_same_account_fk/) }) });
  });

  it("rejects cycles: a project made its own parent, or made the child of its own subproject", async () => {
    const { project, sub1 } = await makeTree();
    const db = await getDb();
    await expect(db.execute(sql`update projects set parent_id = id where id = ${project.id}`)).rejects.toThrow();
    await expect(db.execute(sql`update projects set parent_id = ${sub1.id} where id = ${project.id}`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/never changes parent/) }),
    });
    // Even a fresh row cannot name a subproject-shaped ID as a top-level project or vice versa.
    await expect(db.execute(sql`insert into projects (id, account_id, display_name) values (${newSubprojectId()}, ${project.accountId}, 'bad shape')`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/projects_id_shape/) }),
    });
  });

  it("rejects changing a row's account, for projects and subprojects", async () => {
    const mine = await makeTree();
    const theirs = await makeTree();
    const db = await getDb();
    for (const id of [mine.project.id, mine.sub1.id]) {
      await expect(db.execute(sql`update projects set account_id = ${theirs.account.id} where id = ${id}`)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(/never changes account|projects_parent_same_account_fk/) }),
      });
    }
  });

  it("rejects binding a person directly to a subproject", async () => {
    const { account, sub1 } = await makeTree();
    const person = await makePerson(account.id, "member");
    const db = await getDb();
    await expect(db.execute(sql`insert into project_members (project_id, user_id, role) values (${sub1.id}, ${person.id}, 'viewer')`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/cannot be bound to subproject/) }),
    });
  });

  it("accepts a valid top-level project and subproject", async () => {
    const { account } = await makeTree();
    const db = await getDb();
    const top = randomBytes(16).toString("hex");
    await db.execute(sql`insert into projects (id, account_id, display_name) values (${top}, ${account.id}, 'raw top')`);
    await db.execute(sql`insert into projects (id, account_id, parent_id, display_name) values (${newSubprojectId()}, ${account.id}, ${top}, 'raw child')`);
  });
});
