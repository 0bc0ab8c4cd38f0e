// A TCP listener that takes the place of a stopped server: it accepts connections, records what was asked, and never answers.
import { createServer, type Socket } from 'node:net';

export interface SilentListener {
  /** The first line of every request that arrived ("GET /sub/dir/sw.js HTTP/1.1"). */
  readonly requestLines: string[];
  /** Connections that sent nothing within 2 s (Chromium opens spare sockets ahead of need). */
  readonly idleConnections: () => number;
  close(): Promise<void>;
}

/**
 * Listens on `port` (where the harness server was) so that any request the browser still sends is seen, not
 * lost to "connection refused"; each connection is dropped after its first bytes, so the browser gets a
 * network error exactly as from a dead server.
 */
export async function listenWithoutAnswering(port: number): Promise<SilentListener> {
  const requestLines: string[] = [];
  let idle = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const timer = setTimeout(() => {
      idle += 1;
      socket.destroy();
    }, 2_000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      requestLines.push(chunk.toString('latin1').split('\r\n')[0]);
      socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    requestLines,
    idleConnections: () => idle,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
