import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/projects/abc?tab=keys", "/projects/abc?tab=keys"],
    ["/", "/"],
    ["http://localhost:3000/projects/x", "/projects/x"],
  ])("keeps same-origin destination %s", (input, expected) => {
    expect(safeCallbackPath(input, "http://localhost:3000")).toBe(expected);
  });

  it.each([
    "https://evil.example/steal",
    "//evil.example/steal",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "http://localhost:3000.evil.example/x",
    "/signin?callbackUrl=/x",
    "",
  ])("falls back to / for %s", (input) => {
    expect(safeCallbackPath(input, "http://localhost:3000")).toBe("/");
  });
});
