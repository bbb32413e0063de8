import type { NodeAccess } from "@/lib/authz/people";

export type NodeTab = "overview" | "numbers" | "apps" | "keys" | "costs" | "members" | "audit" | "webhooks" | "settings";

/** The resource sections a project and a subproject share, shown when the person may read them. */
export function resourceTabs(access: NodeAccess, base: string) {
  const p = access.permissions;
  return [
    { id: "overview", label: "Overview", href: base },
    ...(p.has("resource.read") ? [{ id: "numbers", label: "Numbers", href: `${base}/numbers` }] : []),
    ...(p.has("resource.read") ? [{ id: "apps", label: "Apps", href: `${base}/apps` }] : []),
    ...(p.has("key.read") ? [{ id: "keys", label: "Access keys", href: `${base}/keys` }] : []),
    ...(p.has("usage.read") ? [{ id: "costs", label: "Costs", href: `${base}/costs` }] : []),
  ];
}
