/**
 * Starts an HTTP server on a port. Closing it lets requests in flight finish (a webhook acknowledges
 * only after saving) and does not wait for idle keep-alive connections.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Listening = { port: number; close: () => Promise<void> };

/** Resolves once the server listens (port 0 picks a free one); rejects when it cannot (port in use). */
export async function listenHttp(server: Server, port: number, host = "0.0.0.0"): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
