import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/schemas/bulk-imports";
import { card } from "@/components/ui/styles";

/** What a file must look like, next to the upload form (the README has the full description). */
export function CsvFormatHelp({ exportHref }: { exportHref: string }) {
  return (
    <section className={`${card} p-4 text-sm text-slate-700`} aria-labelledby="format-heading">
      <h2 id="format-heading" className="mb-2 font-medium text-slate-900">
        File format
      </h2>
      <p>
        A CSV file (UTF-8, comma-separated) with a header row. <code>displayName</code> is required (1–255 characters). Give labels either in one{" "}
        <code>labels</code> column as <code>key=value;key=value</code>, or one <code>label:&lt;key&gt;</code> column per label (an empty cell means no label).
        Up to {MAX_IMPORT_ROWS.toLocaleString("en")} rows and {MAX_IMPORT_BYTES / 1024 / 1024} MB per file.
      </p>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
        {"displayName,labels,label:tier\nAcme Ltd,region=eu;customer=acme,gold\n\"Widgets, Inc.\",region=us,"}
      </pre>
      <p className="mt-2">
        Every row is checked before anything is created: if one is invalid, nothing is imported and the problems are listed by row. Uploading the same file
        again returns the earlier import instead of creating anything twice. An{" "}
        <a href={exportHref} className="text-brand-600 hover:underline">
          export of this project&apos;s subprojects
        </a>{" "}
        imports as is (rows marked <code>deleted=true</code> are skipped).
      </p>
    </section>
  );
}
