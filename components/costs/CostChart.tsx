"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { PRODUCT_COLOURS } from "./format";

export interface ChartProduct {
  key: string;
  name: string;
}

/**
 * Daily cost, stacked by product. `points` has one entry per day of the range (zeros included,
 * so gaps show as gaps), with each product's amount in minor units.
 */
export function CostChart({ points, products, currency }: { points: ({ day: string } & Record<string, number | string>)[]; products: ChartProduct[]; currency: string }) {
  const money = new Intl.NumberFormat("en", { style: "currency", currency });
  const compact = new Intl.NumberFormat("en", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  // Major units for the axis; the figures in tables and CSV stay exact in minor units.
  const data = points.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === "number" ? v / 100 : v])));
  return (
    <div data-testid="cost-chart" className="h-72 w-full" role="img" aria-label="Daily cost by product">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis tickFormatter={(v: number) => compact.format(v)} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={(value) => money.format(Number(value))} labelFormatter={(label) => String(label)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {products.map((p) => (
            <Bar key={p.key} dataKey={p.key} name={p.name} stackId="cost" fill={PRODUCT_COLOURS[p.key] ?? "#94a3b8"} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
