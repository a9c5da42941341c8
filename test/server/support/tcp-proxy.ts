import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP forwarder in front of a real server (MariaDB), so a test can make the database "go down"
 * (refuse new connections and drop the open ones) and come back, without touching the database.
 */
export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const makeServer = (): Server =>
    createServer((client) => {
      const upstream = createConnection({ host: targetHost, port: targetPort });
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const stop = (server: Server | null) =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server || !server.listening) return resolve();
      server.close(() => resolve());
    });

  let server: Server | null = makeServer();
  const port = await listen(server, 0);
  return {
    port,
    async cut() {
      await stop(server);
      server = null;
    },
    async restore() {
      if (server) return;
      server = makeServer();
      await listen(server, port);
    },
    async close() {
      await stop(server);
      server = null;
    },
  };
}
