import { createConnection, createServer, type Server } from "node:net";

/**
 * A loopback TCP proxy in front of PostgreSQL that counts network round trips: a round trip is
 * the client speaking after the server last spoke (or first). Query counts in code say how many
 * statements run; this says how many times the caller waits for the network, which is what
 * "one round trip" budgets (an unnamed extended-protocol query can cost two: Describe, then Bind).
 */
export interface RttProxy {
  port: number;
  roundTrips(): number;
  reset(): void;
  close(): Promise<void>;
}

export function startRttProxy(targetHost: string, targetPort: number): Promise<RttProxy> {
  let trips = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: targetHost, port: targetPort });
    let serverSpokeLast = true;
    client.on("data", (chunk) => {
      if (serverSpokeLast) trips++;
      serverSpokeLast = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      serverSpokeLast = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        port,
        roundTrips: () => trips,
        reset: () => void (trips = 0),
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
