import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/domain/actor";
import { createUser } from "@/lib/domain/users";
import { authenticateWithPassword } from "./authenticate";
import { isSignInThrottled, pruneSignInFailures, recordSignInFailure, SIGN_IN_LIMITS } from "./sign-in-throttle";

const password = "right-password-1";
async function newUser() {
  const email = `p-${randomUUID()}@example.test`;
  const user = await createUser(cliActor, { email, password, name: "Person" });
  return { email, user };
}
const someIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("authenticateWithPassword", () => {
  it("signs in with the right password, matching email case-insensitively", async () => {
    const { email, user } = await newUser();
    expect(await authenticateWithPassword(email.toUpperCase(), password, someIp())).toEqual({ ok: true, userId: user.id });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { email } = await newUser();
    const wrong = await authenticateWithPassword(email, "wrong-password", someIp());
    const unknown = await authenticateWithPassword(`nobody-${randomUUID()}@example.test`, password, someIp());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("throttles an email after repeated failures, even with the right password, from any address", async () => {
    const { email } = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.email; i++) {
      expect((await authenticateWithPassword(email, `wrong-${i}`, someIp())).ok).toBe(false);
    }
    expect(await authenticateWithPassword(email, password, someIp())).toEqual({ ok: false, reason: "throttled" });
    // Another person is not affected.
    const other = await newUser();
    expect((await authenticateWithPassword(other.email, password, someIp())).ok).toBe(true);
  });

  it("throttles one address spraying many emails", async () => {
    const ip = someIp();
    for (let i = 0; i < SIGN_IN_LIMITS.ip; i++) {
      await authenticateWithPassword(`spray-${i}-${randomUUID()}@example.test`, "guess", ip);
    }
    const { email } = await newUser();
    expect(await authenticateWithPassword(email, password, ip)).toEqual({ ok: false, reason: "throttled" });
    expect((await authenticateWithPassword(email, password, someIp())).ok).toBe(true);
  });

  it("rejects non-string input without throwing", async () => {
    expect(await authenticateWithPassword({ $ne: null }, ["x"], null)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sign-in failure counters", () => {
  it("expire with their window and are pruned afterwards", async () => {
    const email = `old-${randomUUID()}@example.test`;
    const anHourAgo = Date.now() - 60 * 60 * 1000;
    for (let i = 0; i < SIGN_IN_LIMITS.email; i++) await recordSignInFailure(email, null, anHourAgo);
    expect(await isSignInThrottled(email, null, anHourAgo)).toBe(true);
    expect(await isSignInThrottled(email, null)).toBe(false);
    expect(await pruneSignInFailures()).toBeGreaterThanOrEqual(1);
    expect(await isSignInThrottled(email, null, anHourAgo)).toBe(false);
  });
});
