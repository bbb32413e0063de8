import { button, input } from "@/components/ui/styles";
import type { CostScope } from "@/lib/domain/cost-scope";
import { GROUP_OPTIONS, type CostSearch } from "@/lib/portal/cost-search";

/** Date range and grouping, as a plain GET form: the URL is the report, shareable and exportable. */
export function RangeForm({ action, kind, search }: { action: string; kind: CostScope["kind"]; search: Required<CostSearch> }) {
  const options = GROUP_OPTIONS[kind];
  return (
    <form method="get" action={action} aria-label="Report period" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col gap-1">
        From
        <input type="date" name="from" defaultValue={search.from} className={input} required />
      </label>
      <label className="flex flex-col gap-1">
        To
        <input type="date" name="to" defaultValue={search.to} className={input} required />
      </label>
      <label className="flex flex-col gap-1">
        Group by
        <select name="group" defaultValue={search.group} className={input}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {options.some((o) => o.value === "label") && (
        <label className="flex flex-col gap-1">
          Label key
          <input name="labelKey" defaultValue={search.labelKey} maxLength={255} className={`${input} w-32`} placeholder="region" />
        </label>
      )}
      <button type="submit" className={button.secondary}>
        Show
      </button>
    </form>
  );
}
