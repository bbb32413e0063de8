/** An amount in integer minor units of an ISO 4217 currency. */
export interface Money {
  currency: string;
  minor: number;
}

/** "2.00" from 200: the public wire format's decimal string (two decimals assumed), without float rounding. */
export function decimalAmount(minor: number, digits = 2): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(minor));
  const scale = 10 ** digits;
  const fraction = digits > 0 ? `.${String(abs % scale).padStart(digits, "0")}` : "";
  return `${sign}${Math.floor(abs / scale)}${fraction}`;
}

/** 200 from "2.00" or "2": the inverse of decimalAmount, exact (no floats); null for anything else. */
export function minorFromDecimal(amount: string, digits = 2): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d+))?$/.exec(amount.trim());
  if (!m || (m[3] ?? "").length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number((m[3] ?? "").padEnd(digits, "0") || "0");
  return m[1] ? -minor : minor;
}
