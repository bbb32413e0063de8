import { afterEach, describe, expect, it, vi } from "vitest";
import { issueAccessToken, TOKEN_LIFETIME_SECONDS, verifyAccessToken } from "./token";

const KEY_ID = "7d1f3c1e-9d5a-4c1b-8f00-3f2a1b0c9d8e";

afterEach(() => vi.useRealTimers());

describe("verifying API access tokens (verified tokens are remembered until they expire)", () => {
  it("a remembered token still stops working when it expires", async () => {
    const { token } = await issueAccessToken(KEY_ID, "0123456789abcdef0123456789abcdef");
    expect(await verifyAccessToken(token)).toBe(KEY_ID);
    expect(await verifyAccessToken(token)).toBe(KEY_ID); // answered from memory
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (TOKEN_LIFETIME_SECONDS + 1) * 1000);
    expect(await verifyAccessToken(token)).toBeNull();
  });

  it("a token altered after a verified one was remembered is refused", async () => {
    const { token } = await issueAccessToken(KEY_ID, "0123456789abcdef0123456789abcdef");
    expect(await verifyAccessToken(token)).toBe(KEY_ID);
    const [header, payload, signature] = token.split(".");
    const otherKey = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "someone-else" })).toString("base64url");
    expect(await verifyAccessToken(`${header}.${otherKey}.${signature}`)).toBeNull();
    expect(await verifyAccessToken(`${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`)).toBeNull();
  });
});
