import { runMaintenance } from "@/lib/maintenance/background";
import type { CliCommand } from "./command";

export const maintenanceCommands: CliCommand[] = [
  {
    name: "purge",
    summary: "Remove subprojects deleted more than 30 days ago (numbers go back to inventory) and prune expired records",
    usage: "purge",
    options: {},
    async run() {
      const { purged, numbersReleased } = await runMaintenance();
      return {
        text: `Purged ${purged.length} subproject(s)${purged.length ? `: ${purged.join(", ")}` : ""}; ${numbersReleased} number(s) returned to inventory`,
        json: { purged, numbersReleased },
      };
    },
  },
];
