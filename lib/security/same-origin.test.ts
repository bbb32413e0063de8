import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const url = "http://portal.test/api/projects";

describe("isSameOriginRequest", () => {
  it("accepts same-origin fetches", () => {
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-origin" }), url)).toBe(true);
    expect(isSameOriginRequest(new Headers({ origin: "http://portal.test", host: "portal.test" }), url)).toBe(true);
  });

  it("refuses cross-site and same-site-but-other-origin requests", () => {
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "cross-site", origin: "http://portal.test" }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-site" }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "http://evil.test", host: "portal.test" }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "null", host: "portal.test" }), url)).toBe(false);
  });

  it("refuses a request with neither header", () => {
    expect(isSameOriginRequest(new Headers({ host: "portal.test" }), url)).toBe(false);
  });
});
