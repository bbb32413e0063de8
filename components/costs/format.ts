/** An amount in the account's currency, e.g. "€1,234.56", from minor units (two decimals, as the ledger assumes). */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(minor / 100);
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en").format(n);
}

/** Colours per product, shared by the chart and the legends. */
export const PRODUCT_COLOURS: Record<string, string> = {
  sms: "#2f6fed",
  voice: "#16a34a",
  verification: "#f59e0b",
  number_setup: "#a855f7",
  number_monthly: "#64748b",
};
