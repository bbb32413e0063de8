import type { ReactNode } from "react";

/** A header cell: its text, or an object for a right-aligned column or an unlabelled one (row actions). */
export type Column = string | { label?: string; align?: "right" };

/** The header of a row-actions column: no text. */
export const ACTIONS_COLUMN: Column = {};

/** `card`: a table filling a card, shaded header and padded cells; `plain`: a table inside other content. */
type Variant = "card" | "plain";

const HEAD = { card: "bg-slate-50 text-xs uppercase text-slate-500", plain: "text-xs uppercase text-slate-500" };
const HEAD_CELL = { card: "px-4 py-2", plain: "py-1" };
const EMPTY = { card: "px-4 py-6 text-sm text-slate-500", plain: "text-sm text-slate-500" };

/** A table's `<thead>`; columns given as `false` (e.g. `canWrite && ACTIONS_COLUMN`) are left out. */
export function TableHead({ columns, variant = "card" }: { columns: (Column | false)[]; variant?: Variant }) {
  return (
    <thead className={HEAD[variant]}>
      <tr>
        {columns.map((column, i) => {
          if (column === false) return null;
          const { label, align } = typeof column === "string" ? { label: column, align: undefined } : column;
          if (label === undefined) return <th key={i} className={HEAD_CELL[variant]} />;
          return (
            <th key={i} className={`${HEAD_CELL[variant]} ${align === "right" ? "text-right " : ""}font-medium`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** What a list shows instead of its table when it has no rows. */
export function EmptyState({ children, variant = "card" }: { children: ReactNode; variant?: Variant }) {
  return <p className={EMPTY[variant]}>{children}</p>;
}

/**
 * A table of `rows` under `columns`, each row drawn by `row` (which gives the `<tr>` its key); with `empty`,
 * a list without rows shows that text instead of an empty table.
 */
export function DataTable<T>({ columns, rows, row, empty, variant = "card" }: { columns: (Column | false)[]; rows: readonly T[]; row: (item: T) => ReactNode; empty?: ReactNode; variant?: Variant }) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState variant={variant}>{empty}</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <TableHead columns={columns} variant={variant} />
      <tbody className="divide-y divide-slate-100">{rows.map(row)}</tbody>
    </table>
  );
}
