/**
 * Admin CLI: `npm run cli -- <command> [--flags] [--json]`. Runs against the database the server
 * uses (DATABASE_URL, else the embedded one in .data/; stop `npm start` first when embedded, since
 * PGlite allows one process at a time).
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DomainError } from "@/lib/domain/errors";
import { UsageError, type CliCommand } from "./cli/command";
import { peopleCommands } from "./cli/people";
import { treeCommands } from "./cli/tree";
import { keyCommands } from "./cli/keys";
import { maintenanceCommands } from "./cli/maintenance";
import { generateCommands } from "./cli/generate";
import { usageCommands } from "./cli/usage";

const commands: CliCommand[] = [...peopleCommands, ...treeCommands, ...keyCommands, ...maintenanceCommands, ...generateCommands, ...usageCommands];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: npm run cli -- <command> [options] [--json]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${" ".repeat(width)}  ${c.usage}`),
    "",
    "Options for every command:",
    "  --json   print one JSON object (IDs included) instead of a sentence",
    "  --help   show this help",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { ...command.options, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run cli -- ${command.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(`${command.summary}\nUsage: npm run cli -- ${command.usage} [--json]`);
    return 0;
  }
  const asJson = values.json === true;
  try {
    await migrateDatabase();
    const result = await command.run(values);
    console.log(asJson ? JSON.stringify(result.json) : result.text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof DomainError) {
      if (asJson) console.log(JSON.stringify({ error: { status: error.code, message: error.message, fieldViolations: error.fieldViolations } }));
      else console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await closeDb();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
