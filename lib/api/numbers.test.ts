import { describe, expect, it } from "vitest";
import { newSubprojectId } from "@/lib/domain/ids";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";
import { insertApp, pickAvailable } from "@/scripts/test-support/numbers";

// This file keeps to GB, DE and CA numbers (other files run in parallel on the same inventory).

type Json = Record<string, unknown> & { error?: { status: string; code: number; details: { fieldViolations: { field: string }[] }[] } };

async function subprojectTokens() {
  const tree = await makeTree("Numbers API");
  const [sub1, sub2, parent] = await Promise.all([tokenFor(await makeKey(tree.sub1.id)), tokenFor(await makeKey(tree.sub2.id)), tokenFor(await makeKey(tree.project.id))]);
  return { ...tree, tokens: { sub1, sub2, parent } };
}

describe("Numbers API", () => {
  it("serves every endpoint to a subproject's key, in the official shapes", async () => {
    const { sub1, tokens } = await subprojectTokens();
    const token = tokens.sub1;
    const base = `/v1/projects/${sub1.id}`;

    const regions = await api<{ availableRegions: { regionCode: string; regionName: string; types: string[] }[] }>("GET", `${base}/availableRegions`, { token, headers: { "content-type": "application/json" } });
    expect(regions.status).toBe(200);
    expect(regions.body.availableRegions.find((r) => r.regionCode === "GB")).toEqual({ regionCode: "GB", regionName: "United Kingdom", types: ["MOBILE", "LOCAL", "TOLL_FREE"] });
    const tollFree = await api<{ availableRegions: { regionCode: string }[] }>("GET", `${base}/availableRegions?types=TOLL_FREE`, { token });
    expect(tollFree.body.availableRegions.map((r) => r.regionCode)).not.toContain("SE");

    // The SDK sends a raw "+" (a space once decoded) and repeats `capabilities`.
    const search = await api<{ availableNumbers: Record<string, unknown>[] }>(
      "GET",
      `${base}/availableNumbers?regionCode=GB&type=MOBILE&numberPattern.pattern=+447&numberPattern.searchPattern=START&capabilities=SMS&capabilities=VOICE&size=3`,
      { token },
    );
    expect(search.status).toBe(200);
    expect(search.body.availableNumbers).toHaveLength(3);
    expect(search.body.availableNumbers[0]).toEqual({
      phoneNumber: expect.stringMatching(/^\+447\d{9}$/),
      regionCode: "GB",
      type: "MOBILE",
      capability: ["SMS", "VOICE"],
      setupPrice: { currencyCode: "USD", amount: "1.50" },
      monthlyPrice: { currencyCode: "USD", amount: "1.25" },
      paymentIntervalMonths: 1,
      supportingDocumentationRequired: false,
    });

    const number = await pickAvailable("GB", "MOBILE", "SMS");
    expect((await api("GET", `${base}/availableNumbers/${number}`, { token })).body).toMatchObject({ phoneNumber: number });
    // A percent-encoded "+" works too.
    expect((await api("GET", `${base}/availableNumbers/${encodeURIComponent(number)}`, { token })).status).toBe(200);

    const rented = await api<Json>("POST", `${base}/availableNumbers/${number}:rent`, { token, body: {} });
    expect(rented.status).toBe(200);
    expect(rented.body).toMatchObject({
      phoneNumber: number,
      projectId: sub1.id,
      displayName: "",
      regionCode: "GB",
      type: "MOBILE",
      money: { currencyCode: "USD", amount: "1.25" },
      paymentIntervalMonths: 1,
      nextChargeDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      expireAt: null,
      smsConfiguration: { servicePlanId: "", campaignId: "", scheduledProvisioning: null },
      voiceConfiguration: { type: "RTC", appId: "", lastUpdatedTime: null, scheduledVoiceProvisioning: null },
      callbackUrl: "",
    });
    const any = await api<{ phoneNumber: string; regionCode: string }>("POST", `${base}/availableNumbers:rentAny`, { token, body: { regionCode: "DE", type: "LOCAL", capabilities: ["VOICE"] } });
    expect(any.status).toBe(200);
    expect(any.body.regionCode).toBe("DE");

    const list = await api<{ activeNumbers: { phoneNumber: string }[]; nextPageToken: string; totalSize: number }>("GET", `${base}/activeNumbers`, { token });
    expect(list.body.activeNumbers.map((n) => n.phoneNumber).sort()).toEqual([number, any.body.phoneNumber].sort());
    expect(list.body).toMatchObject({ totalSize: 2, nextPageToken: "" });
    const page1 = await api<{ activeNumbers: unknown[]; nextPageToken: string }>("GET", `${base}/activeNumbers?pageSize=1&orderBy=phoneNumber`, { token });
    expect(page1.body.activeNumbers).toHaveLength(1);
    const page2 = await api<{ activeNumbers: unknown[]; nextPageToken: string }>("GET", `${base}/activeNumbers?pageSize=1&pageToken=${page1.body.nextPageToken}`, { token });
    expect(page2.body.activeNumbers).toHaveLength(1);
    expect(page2.body.nextPageToken).toBe("");
    const filtered = await api<{ totalSize: number }>("GET", `${base}/activeNumbers?regionCode=DE&type=LOCAL&capability=VOICE`, { token });
    expect(filtered.body.totalSize).toBe(1);

    const plan = await insertApp(sub1.id, "sms_service_plan");
    const patched = await api("PATCH", `${base}/activeNumbers/${number}`, { token, body: { displayName: "Support", smsConfiguration: { servicePlanId: plan }, callbackUrl: "https://hooks.example.test/n" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ displayName: "Support", smsConfiguration: { servicePlanId: plan }, callbackUrl: "https://hooks.example.test/n" });
    expect((await api("GET", `${base}/activeNumbers/${number}`, { token })).body).toMatchObject({ displayName: "Support" });

    const released = await api("POST", `${base}/activeNumbers/${number}:release`, { token });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ phoneNumber: number, displayName: "Support" });
    expect((await api<Json>("GET", `${base}/activeNumbers/${number}`, { token })).body.error?.status).toBe("NOT_FOUND");
    expect((await api("GET", `${base}/availableNumbers/${number}`, { token })).status).toBe(200);

    const callbacks = await api<{ projectId: string; hmacSecret: string }>("GET", `${base}/callbackConfiguration`, { token });
    expect(callbacks.body.projectId).toBe(sub1.id);
    expect(callbacks.body.hmacSecret.length).toBeGreaterThan(16);
    expect((await api("GET", `${base}/callbackConfiguration`, { token })).body).toEqual(callbacks.body);
    expect((await api("PATCH", `${base}/callbackConfiguration`, { token, body: { hmacSecret: "new-secret" } })).body).toEqual({ projectId: sub1.id, hmacSecret: "new-secret" });
    expect((await api("GET", `${base}/callbackConfiguration`, { token })).body).toMatchObject({ hmacSecret: "new-secret" });
  });

  it("answers bad input on every endpoint with 400 INVALID_ARGUMENT naming the field, never a 500", async () => {
    const { sub1, tokens } = await subprojectTokens();
    const token = tokens.sub1;
    const base = `/v1/projects/${sub1.id}`;
    const active = (await api<{ phoneNumber: string }>("POST", `${base}/availableNumbers:rentAny`, { token, body: { regionCode: "CA", type: "LOCAL" } })).body.phoneNumber;
    const long = "x".repeat(3000);
    const cases: [string, string, unknown, string][] = [
      ["GET", `${base}/availableRegions?types=CELL`, undefined, "types.0"],
      ["GET", `${base}/availableNumbers`, undefined, "regionCode"],
      ["GET", `${base}/availableNumbers?regionCode=GB`, undefined, "type"],
      ["GET", `${base}/availableNumbers?regionCode=ZZ&type=MOBILE`, undefined, "regionCode"],
      ["GET", `${base}/availableNumbers?regionCode=${long}&type=MOBILE`, undefined, "regionCode"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=CELL`, undefined, "type"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=MOBILE&size=101`, undefined, "size"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=MOBILE&size=abc`, undefined, "size"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=MOBILE&numberPattern.pattern=12ab`, undefined, "numberPattern.pattern"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=MOBILE&numberPattern.pattern=12&numberPattern.searchPattern=MIDDLE`, undefined, "numberPattern.searchPattern"],
      ["GET", `${base}/availableNumbers?regionCode=GB&type=MOBILE&capabilities=FAX`, undefined, "capabilities.0"],
      ["GET", `${base}/availableNumbers/12025550134`, undefined, "phoneNumber"],
      ["GET", `${base}/availableNumbers/+0123456789`, undefined, "phoneNumber"],
      ["GET", `${base}/availableNumbers/+${"1".repeat(20)}`, undefined, "phoneNumber"],
      ["POST", `${base}/availableNumbers/not-a-number:rent`, {}, "phoneNumber"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, { callbackUrl: "ftp://example.test" }, "callbackUrl"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, { callbackUrl: `https://example.test/${long}` }, "callbackUrl"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, { smsConfiguration: {} }, "smsConfiguration.servicePlanId"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, { smsConfiguration: "plan" }, "smsConfiguration"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, { voiceConfiguration: { type: "SIP" } }, "voiceConfiguration.type"],
      ["POST", `${base}/availableNumbers/+12025550134:rent`, [], "(body)"],
      ["POST", `${base}/availableNumbers:rentAny`, {}, "regionCode"],
      ["POST", `${base}/availableNumbers:rentAny`, { regionCode: 5, type: "LOCAL" }, "regionCode"],
      ["POST", `${base}/availableNumbers:rentAny`, { regionCode: "US", type: "LOCAL", capabilities: ["MMS"] }, "capabilities.0"],
      ["POST", `${base}/availableNumbers:rentAny`, { regionCode: "US", type: "LOCAL", numberPattern: { pattern: "12a" } }, "numberPattern.pattern"],
      ["GET", `${base}/activeNumbers?pageSize=0`, undefined, "pageSize"],
      ["GET", `${base}/activeNumbers?pageSize=5000`, undefined, "pageSize"],
      ["GET", `${base}/activeNumbers?orderBy=price`, undefined, "orderBy"],
      ["GET", `${base}/activeNumbers?capability=FAX`, undefined, "capability"],
      ["GET", `${base}/activeNumbers?regionCode=Narnia`, undefined, "regionCode"],
      ["GET", `${base}/activeNumbers?pageToken=garbage`, undefined, "pageToken"],
      ["GET", `${base}/activeNumbers/+1`, undefined, "phoneNumber"],
      ["PATCH", `${base}/activeNumbers/${active}`, { displayName: long }, "displayName"],
      ["PATCH", `${base}/activeNumbers/${active}`, { displayName: 5 }, "displayName"],
      ["PATCH", `${base}/activeNumbers/${active}`, { smsConfiguration: { servicePlanId: long } }, "smsConfiguration.servicePlanId"],
      ["PATCH", `${base}/activeNumbers/abc`, { displayName: "x" }, "phoneNumber"],
      ["POST", `${base}/activeNumbers/12345:release`, undefined, "phoneNumber"],
      ["PATCH", `${base}/callbackConfiguration`, { hmacSecret: "" }, "hmacSecret"],
      ["PATCH", `${base}/callbackConfiguration`, { hmacSecret: long }, "hmacSecret"],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await api<Json>(method, path, { token, body });
      expect({ method, path: path.slice(0, 120), status: r.status, wire: r.body.error?.status }).toEqual({ method, path: path.slice(0, 120), status: 400, wire: "INVALID_ARGUMENT" });
      expect(r.body.error!.details[0]!.fieldViolations.map((v) => v.field), `${method} ${path.slice(0, 120)}`).toContain(field);
    }
    // Malformed JSON is refused by the dispatcher before any schema runs.
    for (const path of [`${base}/availableNumbers:rentAny`, `${base}/activeNumbers/${active}`]) {
      const r = await api<Json>(path.includes("rentAny") ? "POST" : "PATCH", path, { token, rawBody: "{not json", headers: { "content-type": "application/json" } });
      expect(r.status).toBe(400);
      expect(r.body.error?.status).toBe("INVALID_ARGUMENT");
    }
  });

  it("refuses links to a sibling's app with a field violation", async () => {
    const { sub1, sub2, tokens } = await subprojectTokens();
    const siblingPlan = await insertApp(sub2.id, "sms_service_plan");
    const r = await api<Json>("POST", `/v1/projects/${sub1.id}/availableNumbers:rentAny`, { token: tokens.sub1, body: { regionCode: "GB", type: "MOBILE", smsConfiguration: { servicePlanId: siblingPlan } } });
    expect(r.status).toBe(400);
    expect(r.body.error?.status).toBe("FAILED_PRECONDITION");
    expect(r.body.error?.details[0]?.fieldViolations).toEqual([{ field: "smsConfiguration.servicePlanId", description: expect.any(String) }]);
  });

  it("two keys renting one number at once: one 200, one 400 FAILED_PRECONDITION", async () => {
    const { sub1, sub2, tokens } = await subprojectTokens();
    const number = await pickAvailable("DE", "MOBILE");
    const [a, b] = await Promise.all([
      api<Json>("POST", `/v1/projects/${sub1.id}/availableNumbers/${number}:rent`, { token: tokens.sub1, body: {} }),
      api<Json>("POST", `/v1/projects/${sub2.id}/availableNumbers/${number}:rent`, { token: tokens.sub2, body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a, b].find((r) => r.status === 400)!.body.error?.status).toBe("FAILED_PRECONDITION");
  });

  it("a sibling's key gets the same 403 for an existing number's project as for a project that does not exist", async () => {
    const { project, sub1, sub2, tokens } = await subprojectTokens();
    const number = (await api<{ phoneNumber: string }>("POST", `/v1/projects/${sub1.id}/availableNumbers:rentAny`, { token: tokens.sub1, body: { regionCode: "GB", type: "LOCAL" } })).body.phoneNumber;
    const ghost = newSubprojectId();
    const other = await makeTree("Other tenant");
    const strangerToken = await tokenFor(await makeKey(other.project.id));
    const calls: [string, string, unknown][] = [
      ["GET", `activeNumbers/${number}`, undefined],
      ["GET", "activeNumbers", undefined],
      ["PATCH", `activeNumbers/${number}`, { displayName: "mine now" }],
      ["POST", `activeNumbers/${number}:release`, undefined],
      ["POST", `availableNumbers:rentAny`, { regionCode: "GB", type: "LOCAL" }],
      ["GET", "callbackConfiguration", undefined],
    ];
    for (const [method, rest, body] of calls) {
      for (const token of [tokens.sub2, strangerToken]) {
        const real = await api<Json>(method, `/v1/projects/${sub1.id}/${rest}`, { token, body });
        const absent = await api<Json>(method, `/v1/projects/${ghost}/${rest}`, { token, body });
        expect(real.status).toBe(403);
        expect(real.body.error?.status).toBe("PERMISSION_DENIED");
        expect(JSON.stringify(real.body).replaceAll(sub1.id, "ID")).toBe(JSON.stringify(absent.body).replaceAll(ghost, "ID"));
      }
    }
    // The sibling's own list does not show it; on its own project the number is simply not there.
    const siblingList = await api<{ activeNumbers: { phoneNumber: string }[] }>("GET", `/v1/projects/${sub2.id}/activeNumbers`, { token: tokens.sub2 });
    expect(siblingList.body.activeNumbers.map((n) => n.phoneNumber)).not.toContain(number);
    expect((await api<Json>("GET", `/v1/projects/${sub2.id}/activeNumbers/${number}`, { token: tokens.sub2 })).status).toBe(404);
    // The parent project's key reaches its subprojects' numbers (the documented reseller power).
    expect((await api("GET", `/v1/projects/${sub1.id}/activeNumbers/${number}`, { token: tokens.parent })).status).toBe(200);
    expect((await api<{ totalSize: number }>("GET", `/v1/projects/${project.id}/activeNumbers`, { token: tokens.parent })).body.totalSize).toBe(0);
  });
});
