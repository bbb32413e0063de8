"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/DataTable";
import { FormError } from "@/components/ui/FormError";
import { button, card, input } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { formatMoney, TYPE_LABELS } from "./format";

interface Region {
  regionCode: string;
  regionName: string;
  types: string[];
}

interface Offer {
  phoneNumber: string;
  type: string;
  capabilities: string[];
  setupPrice: { currency: string; minor: number };
  monthlyPrice: { currency: string; minor: number };
  supportingDocumentationRequired: boolean;
}

/** Search the inventory by region, type, digits and capabilities, and rent a number from the results. */
export function RentNumberPanel({ nodeId, tier, regions }: { nodeId: string; tier: "project" | "subproject"; regions: Region[] }) {
  const [regionCode, setRegionCode] = useState(regions[0]?.regionCode ?? "");
  const types = regions.find((r) => r.regionCode === regionCode)?.types ?? [];
  const [type, setType] = useState(types[0] ?? "");
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const { run, error, pending } = useAction();
  const chosenType = types.includes(type) ? type : (types[0] ?? "");

  async function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams({ regionCode, type: chosenType, searchPattern: String(form.get("searchPattern") ?? "CONTAINS") });
    const pattern = String(form.get("pattern") ?? "").trim();
    if (pattern) params.set("pattern", pattern);
    const capabilities = form.getAll("capability").map(String);
    if (capabilities.length) params.set("capabilities", capabilities.join(","));
    setSearching(true);
    setSearchError(null);
    try {
      setOffers((await apiFetch<{ availableNumbers: Offer[] }>(`/api/projects/${nodeId}/numbers/available?${params}`)).availableNumbers);
    } catch (e) {
      setSearchError((e as Error).message);
    } finally {
      setSearching(false);
    }
  }

  async function rent(offer: Offer) {
    const price = `${formatMoney(offer.setupPrice)} setup + ${formatMoney(offer.monthlyPrice)} a month`;
    if (!window.confirm(`Rent ${offer.phoneNumber} for ${price}? The charges go to this ${tier}.`)) return;
    if (await run(() => apiFetch(`/api/projects/${nodeId}/numbers`, { method: "POST", body: { phoneNumber: offer.phoneNumber } }))) {
      setOffers((current) => current?.filter((o) => o.phoneNumber !== offer.phoneNumber) ?? null);
    }
  }

  return (
    <section className={`${card} p-4`} aria-labelledby="rent-heading">
      <h2 id="rent-heading" className="mb-3 font-medium">
        Rent a number
      </h2>
      <form onSubmit={onSearch} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Search numbers">
        <label className="flex flex-col gap-1 font-medium">
          Region
          <select value={regionCode} onChange={(e) => setRegionCode(e.target.value)} className={`${input} font-normal`}>
            {regions.map((r) => (
              <option key={r.regionCode} value={r.regionCode}>
                {r.regionName} ({r.regionCode})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-medium">
          Type
          <select value={chosenType} onChange={(e) => setType(e.target.value)} className={`${input} font-normal`}>
            {types.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t] ?? t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-medium">
          Digits
          <span className="flex gap-1">
            <select name="searchPattern" defaultValue="CONTAINS" aria-label="Match" className={`${input} font-normal`}>
              <option value="START">start with</option>
              <option value="CONTAINS">contain</option>
              <option value="END">end with</option>
            </select>
            <input name="pattern" inputMode="numeric" maxLength={16} placeholder="e.g. 202" className={`${input} w-32 font-normal`} />
          </span>
        </label>
        <fieldset className="flex items-center gap-3 pb-1.5">
          <legend className="sr-only">Capabilities</legend>
          {["SMS", "VOICE"].map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="checkbox" name="capability" value={c} /> {c === "SMS" ? "SMS" : "Voice"}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={button.primary} disabled={searching || !regionCode}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      <div className="mt-3 flex flex-col gap-2">
        <FormError message={searchError ?? error} />
        {offers && (
          <DataTable
            variant="plain"
            columns={["Number", "Capabilities", "Setup", "Monthly", ACTIONS_COLUMN]}
            rows={offers}
            empty="No numbers in stock match. Try fewer digits or another type."
            row={(o) => (
              <tr key={o.phoneNumber} data-testid="available-number">
                <td className="py-1.5 font-mono">{o.phoneNumber}</td>
                <td className="py-1.5">
                  {o.capabilities.join(" + ")}
                  {o.supportingDocumentationRequired && <span className="ml-2 rounded bg-amber-50 px-1.5 text-xs text-amber-800">documents required</span>}
                </td>
                <td className="py-1.5">{formatMoney(o.setupPrice)}</td>
                <td className="py-1.5">{formatMoney(o.monthlyPrice)}</td>
                <td className="py-1.5 text-right">
                  <button type="button" className={button.secondary} disabled={pending} onClick={() => void rent(o)}>
                    Rent
                  </button>
                </td>
              </tr>
            )}
          />
        )}
      </div>
    </section>
  );
}
