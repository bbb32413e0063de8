import { parseDayRange, currentMonthRange, type DayRange } from "@/lib/domain/cost-range";
import type { CostGrouping, CostScope } from "@/lib/domain/cost-scope";
import { DomainError } from "@/lib/domain/errors";

/** The cost pages' query string: the same on the page and its CSV export, so both show one report. */
export interface CostSearch {
  from?: string;
  to?: string;
  group?: string;
  labelKey?: string;
}

export const GROUP_OPTIONS: Record<CostScope["kind"], { value: string; label: string }[]> = {
  account: [
    { value: "project", label: "Project" },
    { value: "subproject", label: "Subproject" },
    { value: "product", label: "Product" },
    { value: "day", label: "Day" },
    { value: "label", label: "Label" },
  ],
  project: [
    { value: "subproject", label: "Subproject" },
    { value: "product", label: "Product" },
    { value: "day", label: "Day" },
    { value: "label", label: "Label" },
  ],
  subproject: [
    { value: "product", label: "Product" },
    { value: "day", label: "Day" },
  ],
};

export const DEFAULT_LABEL_KEY = "region";

export interface CostQuery {
  range: DayRange;
  grouping: CostGrouping;
  /** The normalised search, for links and the export URL. */
  search: Required<CostSearch>;
  /** Why a hand-edited value was replaced by the default. */
  problem: string | null;
}

/** Reads the range and grouping; anything invalid falls back to the default and says why. */
export function costQuery(kind: CostScope["kind"], search: CostSearch, now = new Date()): CostQuery {
  let problem: string | null = null;
  let range: DayRange;
  try {
    range = parseDayRange({ from: search.from, to: search.to }, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = error.message;
    range = currentMonthRange(now);
  }
  const options = GROUP_OPTIONS[kind];
  const group = options.some((o) => o.value === search.group) ? search.group! : options[0]!.value;
  const labelKey = (search.labelKey ?? "").trim().slice(0, 255) || DEFAULT_LABEL_KEY;
  const grouping: CostGrouping = group === "label" ? { by: "label", key: labelKey } : ({ by: group } as CostGrouping);
  return { range, grouping, search: { from: range.from, to: range.to, group, labelKey }, problem };
}

export function costSearchString(search: Required<CostSearch>): string {
  const params = new URLSearchParams({ from: search.from, to: search.to, group: search.group });
  if (search.group === "label") params.set("labelKey", search.labelKey);
  return params.toString();
}

/** A URL's query as a CostSearch (route handlers). */
export function costSearchOf(url: string): CostSearch {
  const p = new URL(url).searchParams;
  return { from: p.get("from") ?? undefined, to: p.get("to") ?? undefined, group: p.get("group") ?? undefined, labelKey: p.get("labelKey") ?? undefined };
}
