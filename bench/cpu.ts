import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (user + system, ms) from /proc, which stays meaningful on a shared, overloaded
 * machine where wall-clock latency does not: how much work one request costs each process.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  cpuMs: number;
  cmdline: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
      out.push({ pid: Number(name), ppid: Number(rest[1]), cpuMs: (Number(rest[11]) + Number(rest[12])) * TICK_MS, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** CPU ms of a process and all its descendants (next start may serve from a child process). */
export function treeCpuMs(rootPid: number): number {
  const all = processes();
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (!inTree.has(p.pid) && inTree.has(p.ppid)) grew = inTree.add(p.pid) !== undefined;
  }
  return all.filter((p) => inTree.has(p.pid)).reduce((s, p) => s + p.cpuMs, 0);
}

/** CPU ms of the PostgreSQL backends serving one database (their title names it), not others' databases. */
export function databaseBackendsCpuMs(database: string): number {
  return processes()
    .filter((p) => p.cmdline.startsWith("postgres: ") && p.cmdline.includes(` ${database} `))
    .reduce((s, p) => s + p.cpuMs, 0);
}
