import { cliActor } from "@/lib/domain/actor";
import { createAccount } from "@/lib/domain/accounts";
import { addAccountMember } from "@/lib/domain/memberships";
import { createUser, resetPassword } from "@/lib/domain/users";
import { requireString, type CliCommand } from "./command";

export const peopleCommands: CliCommand[] = [
  {
    name: "create-account",
    summary: "Create an account (tenant)",
    usage: "create-account --name NAME --plan enterprise|standard [--currency EUR]",
    options: { name: { type: "string" }, plan: { type: "string" }, currency: { type: "string" } },
    async run(v) {
      const account = await createAccount(cliActor, { name: requireString(v, "name"), plan: requireString(v, "plan"), currency: v.currency });
      return {
        text: `Created account ${account.id} "${account.name}" (plan ${account.plan}, currency ${account.currency})`,
        json: { accountId: account.id, name: account.name, plan: account.plan, currency: account.currency },
      };
    },
  },
  {
    name: "create-user",
    summary: "Create a person who can sign in",
    usage: "create-user --email EMAIL --password PASSWORD --name NAME",
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
    async run(v) {
      const user = await createUser(cliActor, { email: requireString(v, "email"), password: requireString(v, "password"), name: requireString(v, "name") });
      return { text: `Created user ${user.id} <${user.email}>`, json: { userId: user.id, email: user.email, name: user.name } };
    },
  },
  {
    name: "add-member",
    summary: "Give a person a role on an account",
    usage: "add-member --account ACCOUNT_ID --email EMAIL --role admin|user_manager|member|billing_viewer",
    options: { account: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
    async run(v) {
      const m = await addAccountMember(cliActor, { accountId: requireString(v, "account"), email: requireString(v, "email"), role: requireString(v, "role") });
      const change = m.previousRole ? `changed from ${m.previousRole} to ${m.role}` : `added as ${m.role}`;
      return { text: `${m.email} ${change} on account ${m.accountId}`, json: { ...m } };
    },
  },
  {
    name: "reset-password",
    summary: "Set a new password for a person",
    usage: "reset-password --email EMAIL --password PASSWORD",
    options: { email: { type: "string" }, password: { type: "string" } },
    async run(v) {
      const user = await resetPassword(cliActor, { email: requireString(v, "email"), password: requireString(v, "password") });
      return { text: `Password reset for ${user.email}`, json: { userId: user.id, email: user.email } };
    },
  },
];
