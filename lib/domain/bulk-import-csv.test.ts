import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS } from "@/lib/schemas/bulk-imports";
import { CsvRejectedError, decodeCsvFile, parseSubprojectCsv } from "./bulk-import-csv";
import { formatLabelList, parseLabelList } from "./label-list";

async function rejection(text: string): Promise<CsvRejectedError> {
  try {
    await parseSubprojectCsv(text);
  } catch (error) {
    if (error instanceof CsvRejectedError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("subproject CSV parsing", () => {
  it("reads a spreadsheet export: BOM, CRLF, quoted commas and quotes, both label styles", async () => {
    const text = '\uFEFFdisplayName,labels,label:tier\r\n"Acme, Inc.","region=eu; team=a\\;b",gold\r\n"Say ""hi""",,\r\n';
    const { rows, skippedRows } = await parseSubprojectCsv(text);
    expect(skippedRows).toBe(0);
    expect(rows).toEqual([
      { rowNumber: 2, displayName: "Acme, Inc.", labels: { region: "eu", team: "a;b", tier: "gold" } },
      { rowNumber: 3, displayName: 'Say "hi"', labels: {} },
    ]);
  });

  it("numbers rows as a spreadsheet does: blank lines count, a multi-line cell is one row", async () => {
    const text = 'displayName\nfirst\n\n"two\nlines"\n,\nlast\n';
    expect((await parseSubprojectCsv(text)).rows.map((r) => [r.rowNumber, r.displayName])).toEqual([
      [2, "first"],
      [4, "two\nlines"],
      [6, "last"],
    ]);
  });

  it("lists every bad row with its line, field and the API's message, and imports nothing", async () => {
    const tooMany = Array.from({ length: 256 }, (_, i) => `k${i}=v`).join(";");
    const text = [
      "displayName,labels,label:tier",
      "Good,region=eu,",
      `${"x".repeat(256)},,`,
      "   ,a=1,",
      "Bad label,=eu,",
      `Long value,k=${"v".repeat(256)},`,
      `Many,${tooMany},`,
      "Twice,tier=a,b",
      "Not a pair,region,",
      "Short,",
      "Nul\u0000,,",
    ].join("\n");
    const error = await rejection(text);
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.errorCount).toBe(9);
    expect(error.rowErrors).toEqual([
      { row: 3, field: "displayName", message: "must be at most 255 characters" },
      { row: 4, field: "displayName", message: "must not be empty" },
      { row: 5, field: "labels", message: 'label key of "" must not be empty' },
      { row: 6, field: "labels", message: 'label value of "k" must be at most 255 characters' },
      { row: 7, field: "labels", message: "must have at most 255 entries" },
      { row: 8, field: "label:tier", message: 'label "tier" is given twice' },
      { row: 9, field: "labels", message: '"region" is not key=value' },
      { row: 10, field: "(row)", message: "has 2 cells but the header has 3" },
      { row: 11, field: "(row)", message: "contains a NUL character" },
    ]);
  });

  it("caps the listed problems at 200 but counts them all", async () => {
    const text = ["displayName,labels", ...Array.from({ length: 250 }, () => ",a=1")].join("\n");
    const error = await rejection(text);
    expect(error.rowErrors).toHaveLength(200);
    expect(error.errorCount).toBe(250);
    expect(error.message).toMatch(/250 problems; nothing was imported/);
  });

  it("refuses bad headers before reading rows", async () => {
    expect((await rejection("name,labels\nA,\n")).rowErrors).toEqual([
      { row: 1, field: "name", message: "is not a known column: use displayName, labels or label:<key>" },
      { row: 1, field: "displayName", message: "the header has no displayName column" },
    ]);
    expect((await rejection("displayName,label:x,label:x\nA,1,2\n")).rowErrors).toEqual([{ row: 1, field: "label:x", message: "appears twice in the header" }]);
    expect((await rejection("displayName,label:\nA,1\n")).rowErrors[0]).toMatchObject({ field: "label:", message: expect.stringMatching(/no label key/) });
    expect((await rejection("displayName\n")).rowErrors[0]!.message).toBe("has a header but no rows");
    expect((await rejection('displayName\n"unclosed\n')).rowErrors[0]).toMatchObject({ field: "(file)", message: expect.stringMatching(/not valid CSV/) });
  });

  it("accepts an export's own columns and skips rows it marks deleted", async () => {
    const text = "id,displayName,labels,createTime,deleted\n01H,Kept,a=1,2025-01-01T00:00:00.000Z,false\n01J,Gone,,2025-01-01T00:00:00.000Z,true\n";
    const { rows, skippedRows } = await parseSubprojectCsv(text);
    expect(rows.map((r) => r.displayName)).toEqual(["Kept"]);
    expect(skippedRows).toBe(1);
  });

  it("enforces the row and size limits per file", async () => {
    const many = "displayName\n" + "a\n".repeat(MAX_IMPORT_ROWS + 1);
    expect((await rejection(many)).rowErrors[0]!.message).toMatch(/has more than 100,000 rows/);
    expect((await parseSubprojectCsv("displayName\n" + "a\n".repeat(MAX_IMPORT_ROWS))).rows).toHaveLength(MAX_IMPORT_ROWS);
    const huge = "displayName\n" + `${"n".repeat(200)}\n`.repeat(105_000);
    await expect(parseSubprojectCsv(huge)).rejects.toThrow(/larger than 20 MB/);
  });

  it("decodes UTF-8 with its BOM kept (the hash covers the file's bytes) and refuses other encodings", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("displayName\nMüller\n")]);
    const text = decodeCsvFile(bytes);
    expect(Buffer.from(text, "utf8").equals(Buffer.from(bytes))).toBe(true);
    expect((await parseSubprojectCsv(text)).rows[0]!.displayName).toBe("Müller");
    expect(() => decodeCsvFile(new Uint8Array([0x4d, 0xfc, 0x6c]))).toThrow(/not UTF-8/);
  });
});

describe("label list cell", () => {
  it("formats sorted by key, so an export reads the same however Postgres stored the map", () => {
    expect(formatLabelList({ tier: "gold", region: "eu", a: "x;y" })).toBe("a=x\\;y;region=eu;tier=gold");
  });

  it("trims unescaped spaces, ignores empty segments and keeps stray backslashes", () => {
    expect(parseLabelList(" region = eu ;; path=C:\\temp;")).toEqual({ ok: true, pairs: [["region", "eu"], ["path", "C:\\temp"]] });
    expect(parseLabelList("url=a=b")).toEqual({ ok: true, pairs: [["url", "a=b"]] });
  });

  it("round-trips any labels through format and parse", () => {
    const part = fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom("a", " ", ";", "=", "\\", "\t", "\n", "é", ",", '"') });
    fc.assert(
      fc.property(fc.dictionary(part, part, { maxKeys: 6 }), (labels) => {
        const parsed = parseLabelList(formatLabelList(labels));
        expect(parsed.ok && Object.fromEntries(parsed.pairs)).toEqual(labels);
        expect(parsed.ok && parsed.pairs.length).toBe(Object.keys(labels).length);
      }),
      { numRuns: 500 },
    );
  });
});
