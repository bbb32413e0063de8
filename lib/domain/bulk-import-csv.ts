import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_LISTED_ERRORS } from "@/lib/schemas/bulk-imports";
import { createSubprojectInput } from "@/lib/schemas/projects";
import { DomainError } from "./errors";
import { parseLabelList } from "./label-list";

/** `row` is the row a spreadsheet shows: the header is row 1 and blank lines count. */
export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportRow {
  rowNumber: number;
  displayName: string;
  labels: Record<string, string>;
}

/** The upload as a whole is refused: nothing was queued. Carries the first row problems and their total. */
export class CsvRejectedError extends DomainError {
  constructor(
    readonly rowErrors: CsvRowError[],
    readonly errorCount: number,
  ) {
    super("INVALID_ARGUMENT", `The file has ${errorCount.toLocaleString("en")} ${errorCount === 1 ? "problem" : "problems"}; nothing was imported. Fix ${errorCount === 1 ? "it" : "them"} and upload the file again.`);
    this.name = "CsvRejectedError";
  }
}

type Column = { kind: "displayName" | "labels" | "deleted" | "ignored" } | { kind: "label"; key: string };

// Export-only columns (lib/domain/subproject-export.ts) are accepted so an export re-imports as is.
const NAMED: Record<string, Column> = {
  displayname: { kind: "displayName" },
  labels: { kind: "labels" },
  deleted: { kind: "deleted" },
  id: { kind: "ignored" },
  createtime: { kind: "ignored" },
};

function planColumns(header: string[]): { columns: Column[]; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw, i): Column => {
    const name = raw.trim();
    const prefixed = /^label:/i.test(name);
    const column: Column = prefixed ? { kind: "label", key: name.slice("label:".length).trim() } : (NAMED[name.toLowerCase()] ?? { kind: "ignored" });
    const identity = column.kind === "label" ? `label:${column.key}` : name.toLowerCase();
    if (!name) errors.push({ row: 1, field: `column ${i + 1}`, message: "has no name" });
    else if (!prefixed && !NAMED[name.toLowerCase()]) errors.push({ row: 1, field: name, message: "is not a known column: use displayName, labels or label:<key>" });
    else if (column.kind === "label" && !column.key) errors.push({ row: 1, field: name, message: "names no label key (write label:<key>)" });
    else if (seen.has(identity)) errors.push({ row: 1, field: name, message: "appears twice in the header" });
    seen.add(identity);
    return column;
  });
  if (!columns.some((c) => c.kind === "displayName")) errors.push({ row: 1, field: "displayName", message: "the header has no displayName column" });
  return { columns, errors };
}

const rowSchema = createSubprojectInput.pick({ displayName: true, labels: true });

/** Turns one record into a row, or the problems with it. Label problems name the column they came from. */
function readRow(record: string[], columns: Column[], row: number): { row?: ImportRow; skip?: true; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  if (record.length !== columns.length) {
    return { errors: [{ row, field: "(row)", message: `has ${record.length} cells but the header has ${columns.length}` }] };
  }
  // Postgres text cannot hold NUL; refuse it here rather than fail the whole upload later.
  if (record.some((cell) => cell.includes("\u0000"))) return { errors: [{ row, field: "(row)", message: "contains a NUL character" }] };
  let displayName = "";
  const labels: Record<string, string> = {};
  const labelSource = new Map<string, string>();
  const addLabel = (key: string, value: string, field: string) => {
    if (labelSource.has(key)) errors.push({ row, field, message: `label "${key.slice(0, 40)}" is given twice` });
    labelSource.set(key, field);
    labels[key] = value;
  };
  for (const [i, column] of columns.entries()) {
    const cell = record[i]!;
    if (column.kind === "displayName") displayName = cell;
    else if (column.kind === "label" && cell !== "") addLabel(column.key, cell, `label:${column.key}`);
    else if (column.kind === "labels") {
      const parsed = parseLabelList(cell);
      if (!parsed.ok) errors.push({ row, field: "labels", message: parsed.message });
      else for (const [key, value] of parsed.pairs) addLabel(key, value, "labels");
    } else if (column.kind === "deleted") {
      const flag = cell.trim().toLowerCase();
      if (flag === "true") return { skip: true, errors: [] };
      if (flag !== "" && flag !== "false") errors.push({ row, field: "deleted", message: "must be true, false or empty" });
    }
  }
  const result = rowSchema.safeParse({ displayName, labels });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[1] === undefined ? undefined : String(issue.path[1]);
      const detail = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      if (issue.path[0] === "displayName") errors.push({ row, field: "displayName", message: issue.message });
      else if (key === undefined) errors.push({ row, field: "labels", message: issue.message });
      else errors.push({ row, field: labelSource.get(key) ?? "labels", message: `label ${issue.code === "invalid_key" ? "key" : "value"} of "${key.slice(0, 40)}" ${detail}` });
    }
  }
  if (errors.length > 0 || !result.success) return { errors };
  return { row: { rowNumber: row, displayName: result.data.displayName, labels: result.data.labels }, errors };
}

/** The text in slices that never split a surrogate pair, so the parser can be fed (and yield) piece by piece. */
function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    yield text.slice(i, end);
    i = end;
  }
}

// Validation of a 100,000-row file takes seconds on a small machine: give other requests a turn now and then.
const YIELD_EVERY = 2000;
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads and validates a subproject CSV (format in README "Bulk import and export"): every row
 * against the same schema the API uses. Throws CsvRejectedError listing row problems when any
 * row is invalid, so a file is imported whole or not at all. Rows marked `deleted=true` (from
 * an export) are skipped and counted. Row numbers are a spreadsheet's: the header is row 1 and
 * blank lines count.
 */
export async function parseSubprojectCsv(text: string): Promise<{ rows: ImportRow[]; skippedRows: number }> {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    throw new DomainError("INVALID_ARGUMENT", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);
  }
  const rows: ImportRow[] = [];
  const listed: CsvRowError[] = [];
  let columns: Column[] | null = null;
  let errorCount = 0;
  let skippedRows = 0;
  let rowNumber = 0;
  let dataRows = 0;
  try {
    for await (const record of Readable.from(slices(text)).pipe(parse({ bom: true, relax_column_count: true })) as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber % YIELD_EVERY === 0) await yieldToEventLoop();
      if (!columns) {
        const plan = planColumns(record);
        if (plan.errors.length > 0) throw new CsvRejectedError(plan.errors.slice(0, MAX_LISTED_ERRORS), plan.errors.length);
        columns = plan.columns;
        continue;
      }
      // Spreadsheets pad files with rows of empty cells; they are blank lines, not errors.
      if (record.every((cell) => cell.trim() === "")) continue;
      if (++dataRows > MAX_IMPORT_ROWS) {
        throw new CsvRejectedError([{ row: rowNumber, field: "(file)", message: `has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it into smaller files` }], 1);
      }
      const result = readRow(record, columns, rowNumber);
      errorCount += result.errors.length;
      for (const error of result.errors) if (listed.length < MAX_LISTED_ERRORS) listed.push(error);
      if (result.skip) skippedRows++;
      if (result.row) rows.push(result.row);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const lines = (error as { lines?: number }).lines;
    throw new CsvRejectedError([{ row: lines ?? rowNumber + 1, field: "(file)", message: `is not valid CSV: ${(error as Error).message}` }], 1);
  }
  if (!columns) throw new CsvRejectedError([{ row: 1, field: "(file)", message: "is empty: expected a header row with displayName" }], 1);
  if (errorCount > 0) throw new CsvRejectedError(listed, errorCount);
  if (rows.length === 0) throw new CsvRejectedError([{ row: 1, field: "(file)", message: skippedRows ? "has only rows marked deleted=true: nothing to import" : "has a header but no rows" }], 1);
  return { rows, skippedRows };
}

/** File bytes as text; the BOM is kept so the hash of the text is the hash of the file. */
export function decodeCsvFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DomainError("INVALID_ARGUMENT", "The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.");
  }
}
