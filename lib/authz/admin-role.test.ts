import { describe, expect, it } from "vitest";
import { assertMayTouchAdminRole } from "./admin-role";

describe("assertMayTouchAdminRole", () => {
  it("lets administrators do anything with the admin role", () => {
    expect(() => assertMayTouchAdminRole("admin", "admin", "member")).not.toThrow();
    expect(() => assertMayTouchAdminRole("admin", null, "admin")).not.toThrow();
  });

  it("stops a user manager from granting, changing or removing the admin role", () => {
    expect(() => assertMayTouchAdminRole("user_manager", "member", "admin")).toThrow(/Only administrators/);
    expect(() => assertMayTouchAdminRole("user_manager", "user_manager", "admin")).toThrow(/Only administrators/);
    expect(() => assertMayTouchAdminRole("user_manager", "admin", "member")).toThrow(/Only administrators/);
    expect(() => assertMayTouchAdminRole("user_manager", "admin", null)).toThrow(/Only administrators/);
    expect(() => assertMayTouchAdminRole("user_manager", "member", "billing_viewer")).not.toThrow();
  });
});
