import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cliActor } from "./actor";
import { DomainError } from "./errors";
import { createUser, findUserByEmail, resetPassword } from "./users";
import { authenticateWithPassword } from "@/lib/auth/authenticate";

describe("users", () => {
  it("rejects a second user whose email differs only in case", async () => {
    const local = `dup-${randomUUID()}`;
    await createUser(cliActor, { email: `${local}@example.test`, password: "password-123", name: "A" });
    await expect(createUser(cliActor, { email: `${local.toUpperCase()}@EXAMPLE.test`, password: "password-123", name: "B" })).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
    });
  });

  it("enforces case-insensitive uniqueness in Postgres itself", async () => {
    const db = await getDb();
    const email = `raw-${randomUUID()}@example.test`;
    await db.execute(sql`insert into users (email, name, password_hash) values (${email}, 'x', 'x')`);
    await expect(db.execute(sql`insert into users (email, name, password_hash) values (${email.toUpperCase()}, 'y', 'y')`)).rejects.toThrow();
  });

  it("reports every invalid field at once", async () => {
    const error = await createUser(cliActor, { email: "not-an-email", password: "short", name: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldViolations.map((v) => v.field).sort()).toEqual(["email", "name", "password"]);
  });

  it("resets a password so only the new one works", async () => {
    const email = `reset-${randomUUID()}@example.test`;
    await createUser(cliActor, { email, password: "old-password-1", name: "R" });
    await resetPassword(cliActor, { email, password: "new-password-1" });
    expect((await authenticateWithPassword(email, "new-password-1", null)).ok).toBe(true);
    expect((await authenticateWithPassword(email, "old-password-1", null)).ok).toBe(false);
    await expect(resetPassword(cliActor, { email: `missing-${randomUUID()}@example.test`, password: "whatever-123" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findUserByEmail(email.toUpperCase())).not.toBeNull();
  });
});
