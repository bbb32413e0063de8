/** Who performs a domain verb; attribution always comes from here, never from request input. */
export type Actor =
  | { type: "user"; userId: string; label: string }
  | { type: "access_key"; keyId: string; label: string }
  | { type: "system"; label: string };

export const cliActor: Actor = { type: "system", label: "cli" };

export function actorId(actor: Actor): string | null {
  if (actor.type === "user") return actor.userId;
  if (actor.type === "access_key") return actor.keyId;
  return null;
}
