import { input } from "@/components/ui/styles";
import { APP_REGION_LABELS, APP_REGIONS, MAX_CALLBACK_URL_LENGTH } from "@/lib/schemas/apps";

/** Name, region and callback URL inputs, shared by the create form and the edit dialog. */
export function AppFields({ defaults }: { defaults?: { displayName: string; region: string; callbackUrl: string | null } }) {
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input name="displayName" required maxLength={255} defaultValue={defaults?.displayName} className={`${input} w-64`} placeholder="e.g. Acme notifications" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Region
        <select name="region" defaultValue={defaults?.region ?? "us"} className={input}>
          {APP_REGIONS.map((r) => (
            <option key={r} value={r}>
              {APP_REGION_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Callback URL (optional)
        <input
          name="callbackUrl"
          type="url"
          maxLength={MAX_CALLBACK_URL_LENGTH}
          defaultValue={defaults?.callbackUrl ?? ""}
          className={`${input} w-80`}
          placeholder="https://example.com/callbacks"
        />
      </label>
    </>
  );
}

/** The name/region/callback part of a submitted form, as the API expects it ("" clears the URL). */
export function appFieldValues(data: FormData) {
  return {
    displayName: String(data.get("displayName") ?? ""),
    region: String(data.get("region") ?? ""),
    callbackUrl: String(data.get("callbackUrl") ?? ""),
  };
}
