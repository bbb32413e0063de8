import { NumbersService } from "@sinch/numbers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKey, type Credentials } from "@/scripts/test-support/api";
import { startApiServer } from "@/scripts/test-support/api-server";
import { makeTree } from "@/scripts/test-support/fixtures";

// The official SDK, unmodified, pointed at our server: only the host names change.
// This file keeps to US TOLL_FREE numbers (other files run in parallel on the same inventory).

let server: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
});

function sdkFor(projectId: string, key: Credentials) {
  return new NumbersService({ projectId, keyId: key.keyId, keySecret: key.secret, authHostname: server.url, numbersHostname: server.url, logger: null });
}

/** The HTTP status of a failed SDK call (its RequestFailedError carries it). */
async function statusOf(call: Promise<unknown>): Promise<number | "ok"> {
  return call.then(
    () => "ok" as const,
    (e: { statusCode?: number }) => e.statusCode ?? -1,
  );
}

describe("the official @sinch/numbers SDK", () => {
  it("rents, lists, updates, gets and releases a number with a subproject's key; a sibling's key sees none of it", async () => {
    const { sub1, sub2 } = await makeTree("SDK");
    const key1 = await makeKey(sub1.id);
    const key2 = await makeKey(sub2.id);
    const numbers = sdkFor(sub1.id, key1);

    const regions = await numbers.availableRegions.list({ types: ["TOLL_FREE"] });
    expect(regions.availableRegions?.find((r) => r.regionCode === "US")).toEqual({ regionCode: "US", regionName: "United States", types: ["TOLL_FREE"] });

    const search = await numbers.availableNumber.list({
      regionCode: "US",
      type: "TOLL_FREE",
      "numberPattern.pattern": "+1",
      "numberPattern.searchPattern": "START",
      capabilities: ["SMS", "VOICE"],
      size: 50,
    });
    const offers = search.availableNumbers ?? [];
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.length).toBeLessThanOrEqual(50);
    for (const offer of offers) expect(offer.capability).toEqual(["SMS", "VOICE"]);
    const phoneNumber = offers[Math.floor(Math.random() * offers.length)]!.phoneNumber!;
    expect((await numbers.availableNumber.checkAvailability({ phoneNumber })).monthlyPrice).toEqual({ currencyCode: "USD", amount: "4.00" });

    const rented = await numbers.availableNumber.rent({ phoneNumber, rentNumberRequestBody: {} });
    expect(rented).toMatchObject({ phoneNumber, projectId: sub1.id, type: "TOLL_FREE" });
    expect(rented.nextChargeDate).toBeInstanceOf(Date);
    const second = await numbers.availableNumber.rentAny({ rentAnyNumberRequestBody: { regionCode: "US", type: "TOLL_FREE" } });
    expect(second.projectId).toBe(sub1.id);

    const page = await numbers.activeNumber.list({ regionCode: "US", type: "TOLL_FREE" });
    expect(page.data.map((n) => n.phoneNumber)).toContain(phoneNumber);
    // Auto-pagination follows nextPageToken one number at a time.
    const iterated: string[] = [];
    for await (const n of numbers.activeNumber.list({ pageSize: 1 })) iterated.push(n.phoneNumber!);
    expect(iterated.sort()).toEqual([phoneNumber, second.phoneNumber!].sort());

    const updated = await numbers.activeNumber.update({ phoneNumber, updateActiveNumberRequestBody: { displayName: "SDK line" } });
    expect(updated.displayName).toBe("SDK line");
    expect(await numbers.activeNumber.get({ phoneNumber })).toMatchObject({ phoneNumber, displayName: "SDK line", projectId: sub1.id });

    // The sibling's key: its own list lacks the number; aimed at the first subproject, 403.
    const sibling = sdkFor(sub2.id, key2);
    expect((await sibling.activeNumber.list({})).data.map((n) => n.phoneNumber)).not.toContain(phoneNumber);
    const trespasser = sdkFor(sub1.id, key2);
    expect(await statusOf(trespasser.activeNumber.get({ phoneNumber }))).toBe(403);
    expect(await statusOf(trespasser.activeNumber.release({ phoneNumber }))).toBe(403);
    expect(await statusOf(trespasser.availableNumber.rentAny({ rentAnyNumberRequestBody: { regionCode: "US", type: "TOLL_FREE" } }))).toBe(403);
    expect(await statusOf(trespasser.activeNumber.list({}))).toBe(403);

    const callbacks = await numbers.callbacks.update({ updateCallbackConfigurationRequestBody: { hmacSecret: "sdk-secret" } });
    expect(callbacks).toEqual({ projectId: sub1.id, hmacSecret: "sdk-secret" });
    expect(await numbers.callbacks.get({})).toEqual({ projectId: sub1.id, hmacSecret: "sdk-secret" });

    const released = await numbers.activeNumber.release({ phoneNumber });
    expect(released.phoneNumber).toBe(phoneNumber);
    expect(await statusOf(numbers.activeNumber.get({ phoneNumber }))).toBe(404);
    expect((await numbers.availableNumber.checkAvailability({ phoneNumber })).phoneNumber).toBe(phoneNumber);
    await numbers.activeNumber.release({ phoneNumber: second.phoneNumber! });
  });
});
