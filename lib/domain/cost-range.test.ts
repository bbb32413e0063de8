import { describe, expect, it } from "vitest";
import { currentMonthRange, parseDayRange, rangeFromTimes, rangeParts } from "./cost-range";
import { DomainError } from "./errors";
import { decimalAmount, minorFromDecimal } from "./money";

describe("report ranges", () => {
  it("default to the whole current UTC month, leap years included", () => {
    expect(currentMonthRange(new Date("2024-02-10T23:00:00Z"))).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(currentMonthRange(new Date("2025-12-31T23:59:59Z"))).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(parseDayRange({}, new Date("2025-04-03T00:00:00Z"))).toEqual({ from: "2025-04-01", to: "2025-04-30" });
  });

  it("widen API instants to the UTC days they touch (end exclusive)", () => {
    expect(rangeFromTimes("2025-01-10T15:00:00Z", "2025-02-01T00:00:00Z")).toEqual({ from: "2025-01-10", to: "2025-01-31" });
    expect(rangeFromTimes("2025-01-10T15:00:00+02:00", "2025-01-31T00:00:00.001Z")).toEqual({ from: "2025-01-10", to: "2025-01-31" });
    expect(rangeFromTimes("2025-01-01", "2025-01-02")).toEqual({ from: "2025-01-01", to: "2025-01-01" });
  });

  it("refuse reversed, oversized and malformed ranges, naming the field", () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).fieldViolations[0]?.field;
      }
      return null;
    };
    expect(field(() => parseDayRange({ from: "2025-02-01", to: "2025-01-31" }))).toBe("to");
    expect(field(() => parseDayRange({ from: "2025-02-30", to: "2025-03-01" }))).toBe("from");
    expect(field(() => parseDayRange({ from: "2025-13-01", to: "2025-03-01" }))).toBe("from");
    expect(field(() => rangeFromTimes("2025-13-01", undefined))).toBe("startTime");
    expect(field(() => parseDayRange({ from: "2020-01-01", to: "2025-01-01" }))).toBe("to");
    expect(field(() => rangeFromTimes("soon", undefined))).toBe("startTime");
  });

  it("read whole months from monthly rollups, and a partial month as its days or as the month minus the rest", () => {
    expect(rangeParts({ from: "2025-01-01", to: "2025-01-31" })).toEqual({ months: { start: "2025-01-01", end: "2025-02-01" }, add: [], subtract: [] });
    expect(rangeParts({ from: "2024-02-01", to: "2024-02-29" }).months).toEqual({ start: "2024-02-01", end: "2024-03-01" });
    // 7 of 31 December days: read them; 10 of 31 March days: read them.
    expect(rangeParts({ from: "2024-12-25", to: "2025-03-10" })).toEqual({
      months: { start: "2025-01-01", end: "2025-03-01" },
      add: [
        { from: "2024-12-25", to: "2024-12-31" },
        { from: "2025-03-01", to: "2025-03-10" },
      ],
      subtract: [],
    });
    // 30 of 31 days: the month minus one day.
    expect(rangeParts({ from: "2025-01-02", to: "2025-01-31" })).toEqual({ months: { start: "2025-01-01", end: "2025-02-01" }, add: [], subtract: [{ from: "2025-01-01", to: "2025-01-01" }] });
    expect(rangeParts({ from: "2025-01-03", to: "2025-01-29" })).toEqual({
      months: { start: "2025-01-01", end: "2025-02-01" },
      add: [],
      subtract: [
        { from: "2025-01-01", to: "2025-01-02" },
        { from: "2025-01-30", to: "2025-01-31" },
      ],
    });
    expect(rangeParts({ from: "2025-01-10", to: "2025-01-20" })).toEqual({ months: null, add: [{ from: "2025-01-10", to: "2025-01-20" }], subtract: [] });
  });
});

describe("decimal amounts", () => {
  it("round-trip exactly between minor units and decimal strings", () => {
    for (const minor of [0, 5, 99, 100, 123456789012, -250]) expect(minorFromDecimal(decimalAmount(minor))).toBe(minor);
    expect(minorFromDecimal("12")).toBe(1200);
    expect(minorFromDecimal("12.3")).toBe(1230);
    for (const bad of ["1.234", "", "1e3", "abc", "1,00"]) expect(minorFromDecimal(bad)).toBeNull();
  });
});
