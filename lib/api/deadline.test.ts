import { describe, expect, it } from "vitest";
import { withinDeadline } from "./deadline";

describe("withinDeadline", () => {
  it("answers 503 UNAVAILABLE when the work hangs, and passes results and errors through otherwise", async () => {
    await expect(withinDeadline(new Promise(() => {}), 20)).rejects.toMatchObject({ status: "UNAVAILABLE", headers: { "Retry-After": "1" } });
    await expect(withinDeadline(Promise.resolve(42), 1000)).resolves.toBe(42);
    await expect(withinDeadline(Promise.reject(new Error("boom")), 1000)).rejects.toThrow("boom");
  });
});
