import type { CsvRejection } from "./bulk-import-queries";

/** The row problems of a refused file, as a table a person can work through in their spreadsheet. */
export function RowErrorList({ rejection }: { rejection: CsvRejection }) {
  const { message, rowErrors, errorCount } = rejection;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="csv-errors">
      <p className="font-medium">{message}</p>
      <table className="mt-2 w-full text-left">
        <thead className="text-xs uppercase text-red-700">
          <tr>
            <th className="py-1 pr-4 font-medium">Row</th>
            <th className="py-1 pr-4 font-medium">Column</th>
            <th className="py-1 font-medium">Problem</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-red-100">
          {rowErrors.map((e, i) => (
            <tr key={i} data-testid="csv-error">
              <td className="py-1 pr-4 tabular-nums">{e.row}</td>
              <td className="py-1 pr-4">
                <code>{e.field}</code>
              </td>
              <td className="py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errorCount > rowErrors.length && (
        <p className="mt-2 text-red-700">
          Showing the first {rowErrors.length.toLocaleString("en")} of {errorCount.toLocaleString("en")} problems.
        </p>
      )}
    </div>
  );
}
