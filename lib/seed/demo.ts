import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, projects } from "@/db/schema";
import { cliActor } from "@/lib/domain/actor";
import { createAccount } from "@/lib/domain/accounts";
import { addAccountMember } from "@/lib/domain/memberships";
import { grantProjectRole } from "@/lib/domain/project-members";
import { createProject, createSubproject } from "@/lib/domain/projects";
import { createUser, findUserByEmail } from "@/lib/domain/users";
import { seedDemoNumbers } from "@/lib/domain/number-inventory";
import { DEMO_SIGN_INS } from "./demo-sign-ins";
import { seedDemoApps } from "./demo-apps";
import { simulateTraffic } from "@/lib/simulator/simulate";

export const DEMO_ACCOUNT_NAME = "Demo Reseller";

const REGIONS = ["eu", "us", "apac"] as const;
const TIERS = ["gold", "silver", "bronze"] as const;
const CUSTOMERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Vandelay", "Pied Piper", "Massive Dynamic", "Aperture"];

const DEMO_TREE = [
  { name: "Retail Customers", subprojects: 15 },
  { name: "Enterprise Customers", subprojects: 10 },
  { name: "Internal Tools", subprojects: 5 },
] as const;

const unlimited = { enforceSelfServiceLimits: false };

async function ensureUser(email: string, password: string, name: string) {
  if (!(await findUserByEmail(email))) await createUser(cliActor, { email, password, name });
}

/**
 * Seeds the demo reseller: 3 projects, 30 labelled subprojects, an administrator, a developer
 * bound to one project and a viewer bound to another. Each step checks before it writes, so
 * running it again (every `npm start`) changes nothing.
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const db = await getDb();
  const [existing] = await db.select().from(accounts).where(eq(accounts.name, DEMO_ACCOUNT_NAME));
  const account = existing ?? (await createAccount(cliActor, { name: DEMO_ACCOUNT_NAME, plan: "enterprise", currency: "EUR" }));
  const [admin, member, viewer] = DEMO_SIGN_INS;
  await ensureUser(admin.email, admin.password, "Dana Admin");
  await ensureUser(member.email, member.password, "Max Member");
  await ensureUser(viewer.email, viewer.password, "Vera Viewer");
  await addAccountMember(cliActor, { accountId: account.id, email: admin.email, role: "admin" });

  const tops = await db.select().from(projects).where(and(eq(projects.accountId, account.id), isNull(projects.parentId)));
  if (tops.length > 0) return { created: false };
  let n = 0;
  const created = [];
  for (const spec of DEMO_TREE) {
    const project = await createProject(cliActor, { accountId: account.id, displayName: spec.name }, unlimited);
    created.push(project);
    for (let i = 0; i < spec.subprojects; i++, n++) {
      const customer = CUSTOMERS[n % CUSTOMERS.length]!;
      await createSubproject(
        cliActor,
        { parentProjectId: project.id, displayName: `${customer} ${spec.name === "Internal Tools" ? "Sandbox" : "Ltd"} ${Math.floor(n / CUSTOMERS.length) + 1}`, labels: { region: REGIONS[n % 3]!, tier: TIERS[Math.floor(n / 3) % 3]!, customer: customer.toLowerCase().replace(/ /g, "-") } },
        unlimited,
      );
    }
  }
  await grantProjectRole(cliActor, { projectId: created[0]!.id, email: member.email, role: "developer" });
  await grantProjectRole(cliActor, { projectId: created[1]!.id, email: viewer.email, role: "viewer" });
  // A few customers already configured, so the resource pages are not empty on first look.
  const retailSubprojects = await db.select({ id: projects.id }).from(projects).where(eq(projects.parentId, created[0]!.id)).orderBy(projects.id).limit(3);
  const configured = [created[0]!.id, ...retailSubprojects.map((s) => s.id)];
  await seedDemoApps(configured);
  await seedDemoNumbers(retailSubprojects.map((s) => s.id));
  // Five weeks of traffic (a few thousand ledger rows), so the cost pages have something to show.
  await simulateTraffic({ accountId: account.id, days: 35, meanDailyEvents: 8 });
  return { created: true };
}
