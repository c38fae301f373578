// A loopback proxy in front of the reference server for tests: it forwards each request unchanged,
// unless `intercept` answers it first (for example a 500 whenever a batch holds a given event).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface ProxyReply {
  status: number;
  body: unknown;
}

export interface CentralProxy {
  url: string;
  /** Bodies of the event requests seen, decoded, in order. */
  batches: { events: { id: string }[] }[];
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startCentralProxy(target: string, intercept: (batch: { events: { id: string }[] }) => ProxyReply | null): Promise<CentralProxy> {
  const batches: CentralProxy['batches'] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readAll(req);
      if (req.url === '/v1/events') {
        const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
        const batch = JSON.parse(text) as { events: { id: string }[] };
        batches.push(batch);
        const reply = intercept(batch);
        if (reply) {
          res.writeHead(reply.status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(reply.body));
          return;
        }
      }

      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'content-encoding', 'authorization']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const forwarded = await fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'GET',
        headers,
        body: req.method === 'GET' ? undefined : new Uint8Array(raw),
      });
      res.writeHead(forwarded.status, { 'Content-Type': forwarded.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await forwarded.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    batches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
