/**
 * The `labels` cell of the subproject CSV format: `key=value;key=value`.
 *
 * A backslash escapes `\`, `;`, `=` and whitespace, so any label survives an export and a
 * re-import. Unescaped whitespace around keys and values is trimmed (people type
 * `region=eu; tier=gold`), which is why export escapes a leading or trailing space.
 * A backslash before any other character is kept as is (`C:\temp` needs no escaping).
 */

const SPECIAL = /[\\;=]/g;
const WHITESPACE = /\s/;

function escapePart(text: string): string {
  const escaped = text.replace(SPECIAL, (c) => `\\${c}`);
  if (escaped.length === 0) return escaped;
  const head = WHITESPACE.test(escaped[0]!) ? `\\${escaped[0]}` : escaped[0]!;
  if (escaped.length === 1) return head;
  const last = escaped[escaped.length - 1]!;
  const tail = WHITESPACE.test(last) ? `\\${last}` : last;
  return head + escaped.slice(1, -1) + tail;
}

/** Labels as one CSV cell, sorted by key (the stored map's order is Postgres's, not the user's). */
export function formatLabelList(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${escapePart(key)}=${escapePart(value)}`)
    .join(";");
}

/** Accumulates one key or value, remembering which characters trimming must keep. */
class Part {
  text = "";
  private first = -1;
  private last = -1;

  push(char: string, escaped: boolean) {
    if (escaped || !WHITESPACE.test(char)) {
      if (this.first < 0) this.first = this.text.length;
      this.last = this.text.length;
    }
    this.text += char;
  }

  value(): string {
    return this.first < 0 ? "" : this.text.slice(this.first, this.last + 1);
  }
}

export type LabelListResult = { ok: true; pairs: [string, string][] } | { ok: false; message: string };

/**
 * Parses a `labels` cell into key/value pairs in order (duplicates are reported by the caller,
 * which also knows about `label:<key>` columns). Empty segments (`a=1;;b=2;`) are ignored.
 */
export function parseLabelList(cell: string): LabelListResult {
  const pairs: [string, string][] = [];
  let key = new Part();
  let value: Part | null = null;
  const finish = (): string | null => {
    if (value) pairs.push([key.value(), value.value()]);
    else if (key.value() !== "") return `"${key.value().slice(0, 40)}" is not key=value`;
    key = new Part();
    value = null;
    return null;
  };
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    const next = cell[i + 1];
    if (char === "\\" && next !== undefined && (next === "\\" || next === ";" || next === "=" || WHITESPACE.test(next))) {
      (value ?? key).push(next, true);
      i++;
    } else if (char === ";") {
      const problem = finish();
      if (problem) return { ok: false, message: problem };
    } else if (char === "=" && !value) {
      value = new Part();
    } else {
      (value ?? key).push(char, false);
    }
  }
  const problem = finish();
  return problem ? { ok: false, message: problem } : { ok: true, pairs };
}
