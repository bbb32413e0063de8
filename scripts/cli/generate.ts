import { generateScaleFixture, type ScaleResult } from "@/lib/fixtures/scale";
import { optionalInt, UsageError, type CliCommand, type OptionValues } from "./command";

const n = (x: number) => x.toLocaleString("en");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function summary(r: ScaleResult): string {
  const projects = r.projects.map((p) => `    ${p.id}  "${p.displayName}"  ${n(p.subprojects)} subprojects`);
  const timings = Object.entries(r.timingsMs).map(([step, ms]) => `${step} ${seconds(ms)}`);
  return [
    `Generated a scale fixture in ${seconds(r.totalMs)}`,
    `  account      ${r.accountId}  "${r.accountName}" (enterprise)`,
    `  projects     ${r.projects.length} (the first is the big one)`,
    ...projects,
    `  subprojects  ${n(r.subprojects.total)} (${n(r.subprojects.deleted)} deleted, ${n(r.subprojects.suspended)} suspended), labelled region/tier/customer`,
    `  access keys  ${n(r.accessKeys)} on subprojects (digests only; no secret exists for them)`,
    `  numbers      ${n(r.numbers.added)} added to the inventory, ${n(r.numbers.rented)} rented to subprojects; ${n(r.usageEvents)} ledger rows`,
    ...r.numbers.ranges.map((g) => `    ${g.regionCode} ${g.type.padEnd(9)} ${g.from} … ${g.to}  (${n(g.count)})`),
    r.admin.password ? `  sign in as   ${r.admin.email} / ${r.admin.password}` : `  sign in as   ${r.admin.email} (existing person: password unchanged)`,
    r.sampleSubprojectId ? `  sample       /projects/${r.bigProjectId}/subprojects/${r.sampleSubprojectId}` : "",
    `  timings      ${timings.join(", ")}`,
  ]
    .filter(Boolean)
    .join("\n");
}

function count(values: OptionValues, name: string, fallback: number, max: number): number {
  const value = optionalInt(values, name) ?? fallback;
  if (value > max) throw new UsageError(`--${name} must be at most ${n(max)}`);
  return value;
}

export const generateCommands: CliCommand[] = [
  {
    name: "generate",
    summary: "Build a large reseller for scale tests: projects, labelled subprojects, keys, numbers and rentals (bulk SQL, one transaction)",
    usage: "generate --subprojects 100000 --numbers 200000 [--account ACCOUNT_ID | --name NAME] [--projects 3]",
    options: { subprojects: { type: "string" }, numbers: { type: "string" }, account: { type: "string" }, name: { type: "string" }, projects: { type: "string" } },
    async run(v) {
      if (typeof v.account === "string" && typeof v.name === "string") throw new UsageError("--account and --name exclude each other");
      const projects = count(v, "projects", 3, 20);
      if (projects < 1) throw new UsageError("--projects must be at least 1");
      const result = await generateScaleFixture({
        subprojects: count(v, "subprojects", 100_000, 1_000_000),
        numbers: count(v, "numbers", 200_000, 2_000_000),
        projects,
        accountId: typeof v.account === "string" ? v.account : undefined,
        accountName: typeof v.name === "string" ? v.name : undefined,
        // A usable secret only for scripts that asked for JSON (the benchmarks); never in the sentence.
        bootstrapKey: v.json === true,
      });
      return { text: summary(result), json: { ...result } };
    },
  },
];
