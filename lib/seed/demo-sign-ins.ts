/** The sign-ins the demo seed creates; README lists the same. Kept free of imports so scripts can print them. */
export const DEMO_SIGN_INS = [
  { email: "admin@demo.test", password: "demo-password", role: "account administrator: sees everything" },
  { email: "member@demo.test", password: "demo-password", role: "developer on the Retail Customers project only" },
  { email: "viewer@demo.test", password: "demo-password", role: "viewer on the Enterprise Customers project only" },
] as const;
