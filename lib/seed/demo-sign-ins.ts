/** The sign-ins the demo seed creates; README lists the same. Kept free of imports so scripts can print them. */
export const DEMO_SIGN_INS = [{ email: "admin@demo.test", password: "demo-password", role: "account administrator" }] as const;
