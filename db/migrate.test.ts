import { describe, expect, it } from "vitest";
import { isDatabaseReady } from "@/lib/health";
import { migrateDatabase } from "./migrate";

describe("migrations", () => {
  it("re-running them is a no-op and the database reports ready", async () => {
    const before = await isDatabaseReady();
    expect(before.ok).toBe(true);
    await migrateDatabase();
    await migrateDatabase();
    const after = await isDatabaseReady();
    expect(after).toEqual(before);
    expect(after.migrations).toBe(after.expected);
  });
});
