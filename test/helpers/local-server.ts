/**
 * Starting and stopping a test HTTP server on 127.0.0.1 and a free port,
 * for the static site server (serve.ts) and the scripted source server
 * (fixture-server.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Ends open connections too (hanging or stalled replies keep theirs), then stops listening. */
  close(): Promise<void>;
}

export async function listenLocally(server: Server): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
