import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apps, phoneNumbers, type AppKind } from "@/db/schema";
import { newAppId } from "@/lib/domain/ids";

/** An app row on a node, written directly (the apps domain is not these tests' subject). */
export async function insertApp(projectId: string, kind: AppKind, displayName = `${kind} app`): Promise<string> {
  const db = await getDb();
  const id = newAppId(kind);
  await db.insert(apps).values({ id, projectId, kind, displayName, region: "eu" });
  return id;
}

/**
 * A random in-stock number of a region and type. Test files run in parallel on one inventory, so
 * each file keeps to its own regions and picks at random rather than "the first one".
 */
export async function pickAvailable(regionCode: string, type: "MOBILE" | "LOCAL" | "TOLL_FREE", capability?: "SMS" | "VOICE"): Promise<string> {
  const db = await getDb();
  const rows = await db
    .select({ phoneNumber: phoneNumbers.phoneNumber, capabilities: phoneNumbers.capabilities })
    .from(phoneNumbers)
    .where(and(isNull(phoneNumbers.projectId), eq(phoneNumbers.regionCode, regionCode), eq(phoneNumbers.type, type)));
  const fit = rows.filter((r) => !capability || r.capabilities.includes(capability));
  if (!fit.length) throw new Error(`no ${regionCode} ${type} number left in the test inventory`);
  return fit[Math.floor(Math.random() * fit.length)]!.phoneNumber;
}

export async function numberRow(phoneNumber: string) {
  const db = await getDb();
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, phoneNumber));
  return row!;
}
