/** "$2.00" / "2,00 €" from minor units (two decimals, as the catalogue assumes). */
export function formatMoney(money: { currency: string; minor: number }): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: money.currency }).format(money.minor / 100);
}

export const TYPE_LABELS: Record<string, string> = { MOBILE: "Mobile", LOCAL: "Local", TOLL_FREE: "Toll-free" };
