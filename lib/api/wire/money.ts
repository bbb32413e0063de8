import { z } from "zod";
import { decimalAmount, type Money } from "@/lib/domain/money";

/** Money on the wire: ISO 4217 code and a decimal string, e.g. `{"currencyCode": "USD", "amount": "2.00"}`. */
export const MoneySchema = z.object({ currencyCode: z.string().describe("ISO 4217"), amount: z.string().describe('Decimal string, e.g. "2.00"') }).meta({ id: "Money" });

export function wireMoney(m: Money): z.infer<typeof MoneySchema> {
  return { currencyCode: m.currency, amount: decimalAmount(m.minor) };
}
