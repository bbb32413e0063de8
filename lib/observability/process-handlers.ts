import { log } from "./log";

/**
 * postgres.js 3.4.x can throw from a timer when a connection dies mid-write (upstream issues
 * #1154/#1208); the query already failed through the normal path, so that one is noise, not a
 * crash. Anything else uncaught is logged as an error.
 */
export function installProcessHandlers(): void {
  process.on("uncaughtException", (error) => {
    if (error instanceof TypeError && /reading 'write'/.test(error.message) && /postgres/.test(error.stack ?? "")) return;
    log("error", "uncaught exception", { error: String(error), stack: error.stack });
  });
}
