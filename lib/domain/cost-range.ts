import { DomainError } from "./errors";

/**
 * A report period: whole UTC days, both ends inclusive, as `YYYY-MM-DD`. Rollups are daily, so
 * this is the finest range a report can honestly answer for.
 */
export interface DayRange {
  from: string;
  to: string;
}

/** Longest range a report accepts (two years and a day): bounds the work a single request can ask for. */
export const MAX_RANGE_DAYS = 731;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of an instant. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
}

/** First day of the day's month. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** First day of the month `n` months after the day's month. */
export function addMonths(day: string, n: number): string {
  const d = new Date(`${monthOf(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return dayOf(d);
}

export function daysBetween(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every day of the range, in order. */
export function daysOf(range: DayRange): string[] {
  return Array.from({ length: daysBetween(range) }, (_, i) => addDays(range.from, i));
}

/** The whole calendar month (UTC) containing `now`: the default report period. */
export function currentMonthRange(now = new Date()): DayRange {
  const from = monthOf(dayOf(now));
  return { from, to: addDays(addMonths(from, 1), -1) };
}

function isDay(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Round-tripping rejects dates JavaScript would roll over, like 2025-02-30.
  return DAY.test(value) && !Number.isNaN(ms) && dayOf(new Date(ms)) === value;
}

function invalid(field: string, description: string): never {
  throw new DomainError("INVALID_ARGUMENT", `Invalid range: ${field} ${description}`, [{ field, description }]);
}

function checkOrder(range: DayRange, fromField: string, toField: string): DayRange {
  if (range.from > range.to) invalid(toField, `must not be before ${fromField}`);
  if (daysBetween(range) > MAX_RANGE_DAYS) invalid(toField, `must be at most ${MAX_RANGE_DAYS} days after ${fromField}`);
  return range;
}

/** A portal range (`from` / `to` as dates); missing ends default to the current month's. */
export function parseDayRange(input: { from?: string | null; to?: string | null }, now = new Date()): DayRange {
  const month = currentMonthRange(now);
  const from = input.from || month.from;
  const to = input.to || month.to;
  if (!isDay(from)) invalid("from", "must be a date (YYYY-MM-DD)");
  if (!isDay(to)) invalid("to", "must be a date (YYYY-MM-DD)");
  return checkOrder({ from, to }, "from", "to");
}

/**
 * An API range: `startTime` inclusive, `endTime` exclusive (RFC 3339 instants or dates), widened
 * to the UTC days they touch. Defaults: the current month.
 */
export function rangeFromTimes(startTime?: string, endTime?: string, now = new Date()): DayRange {
  const month = currentMonthRange(now);
  const parse = (value: string, field: string) => {
    const ms = Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(ms)) invalid(field, "must be an RFC 3339 timestamp or a date");
    return ms;
  };
  const from = startTime ? dayOf(new Date(parse(startTime, "startTime"))) : month.from;
  // The last day touched by [start, end) is the day of end minus one millisecond.
  const to = endTime ? dayOf(new Date(parse(endTime, "endTime") - 1)) : month.to;
  return checkOrder({ from, to }, "startTime", "endTime");
}

export interface RangeParts {
  /** Months read from the monthly rollups, `[start, end)` of month starts; null for none. */
  months: { start: string; end: string } | null;
  /** Days read from the daily rollups and added. */
  add: DayRange[];
  /** Days read from the daily rollups and subtracted: a month that is mostly inside the range is
   * read as the month minus the days outside, which is fewer rows than the days inside. */
  subtract: DayRange[];
}

/**
 * Plans which rollups a range reads: whole months from the monthly rollups; for a month the
 * range only partly covers, either its days inside (daily rollups) or, when that is the larger
 * part, the month minus its days outside. Sums stay exact: all figures are integers.
 */
export function rangeParts(range: DayRange): RangeParts {
  const months: string[] = [];
  const add: DayRange[] = [];
  const subtract: DayRange[] = [];
  for (let month = monthOf(range.from); month <= range.to; month = addMonths(month, 1)) {
    const monthEnd = addDays(addMonths(month, 1), -1);
    const inside = { from: range.from > month ? range.from : month, to: range.to < monthEnd ? range.to : monthEnd };
    const covered = daysBetween(inside);
    const length = daysBetween({ from: month, to: monthEnd });
    if (covered === length) months.push(month);
    else if (length - covered + 1 < covered) {
      months.push(month);
      if (inside.from > month) subtract.push({ from: month, to: addDays(inside.from, -1) });
      if (inside.to < monthEnd) subtract.push({ from: addDays(inside.to, 1), to: monthEnd });
    } else add.push(inside);
  }
  // Months taken are contiguous: every month strictly inside the range is whole, and the edge months join them.
  return { months: months.length ? { start: months[0]!, end: addMonths(months[months.length - 1]!, 1) } : null, add, subtract };
}
