import type { ParseArgsConfig } from "node:util";

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** One CLI command: its flags, and a run that returns both a sentence and a JSON object for scripts. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: OptionValues): Promise<{ text: string; json: Record<string, unknown> }>;
}

export class UsageError extends Error {}

export function requireString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalInt(values: OptionValues, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number ≥ 0`);
  return n;
}
