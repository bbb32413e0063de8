export * from "./accounts";
export * from "./users";
export * from "./memberships";
export * from "./sign-in-throttle";
export * from "./audit";
export * from "./projects";
export * from "./project-members";
