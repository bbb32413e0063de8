import type { z } from "zod";
import { invalidArgument } from "./errors";

/** Parses a verb's input, turning zod issues into one INVALID_ARGUMENT DomainError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidArgument(result.error);
  return result.data;
}
