import { cliActor } from "@/lib/domain/actor";
import { createAccessKey } from "@/lib/domain/access-keys";
import { requireString, type CliCommand } from "./command";

export const keyCommands: CliCommand[] = [
  {
    name: "create-access-key",
    summary: "Create an API access key on a project or subproject (prints the secret once)",
    usage: "create-access-key --project PROJECT_OR_SUBPROJECT_ID --name NAME",
    options: { project: { type: "string" }, name: { type: "string" } },
    async run(v) {
      const { accessKey, secret } = await createAccessKey(cliActor, requireString(v, "project"), { displayName: requireString(v, "name") });
      return {
        text: `Created access key "${accessKey.displayName}" on ${accessKey.projectId}\n  key ID: ${accessKey.accessKeyId}\n  secret: ${secret}\nStore the secret now: it is not shown again.`,
        json: { accessKeyId: accessKey.accessKeyId, secret, projectId: accessKey.projectId, displayName: accessKey.displayName },
      };
    },
  },
];
