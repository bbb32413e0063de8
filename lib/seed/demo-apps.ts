import { cliActor } from "@/lib/domain/actor";
import { countApps, createApp } from "@/lib/domain/apps";

/**
 * Gives each node one SMS service plan and one voice app, so the demo's numbers have something to
 * be configured with. A node that already has any app is left alone: running the seed again
 * (every `npm start`) changes nothing. Returns how many nodes got apps.
 */
export async function seedDemoApps(nodeIds: string[]): Promise<number> {
  let seeded = 0;
  for (const projectId of nodeIds) {
    if ((await countApps(projectId)) > 0) continue;
    await createApp(cliActor, projectId, { kind: "sms_service_plan", displayName: "Default SMS plan", region: "eu" });
    await createApp(cliActor, projectId, { kind: "voice", displayName: "Default voice app", region: "eu" });
    seeded++;
  }
  return seeded;
}
