import type { HttpMethod, Operation } from "./operation";

interface CompiledRoute {
  op: Operation;
  regex: RegExp;
  names: string[];
}

/** Compiles `/projects/{projectId}/availableNumbers/{phoneNumber}:rent` into a matcher. */
function compile(op: Operation): CompiledRoute {
  const names: string[] = [];
  const source = op.path
    .split("/")
    .map((segment) =>
      segment
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\{(\w+)\}/g, (_, name: string) => {
          names.push(name);
          // A parameter never contains "/" and stops before a custom verb's colon.
          return "([^/:]+)";
        }),
    )
    .join("/");
  return { op, regex: new RegExp(`^${source}$`), names };
}

export class Router {
  private readonly routes: CompiledRoute[];
  constructor(operations: Operation[]) {
    this.routes = operations.map(compile);
  }

  /** The operation for a method and a path below the version prefix, with its raw path parameters. */
  match(method: string, path: string): { op: Operation; params: Record<string, string> } | { op: null; pathExists: boolean } {
    let pathExists = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathExists = true;
      if (route.op.method !== (method as HttpMethod)) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = m[i + 1]!));
      return { op: route.op, params };
    }
    return { op: null, pathExists };
  }
}
