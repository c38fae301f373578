// The whole real stack for a browser test: the reference central server, a companion core enrolled
// with it in demo mode, the loopback WebSocket bridge, and a Vite dev server for the renderer. All of
// it listens on 127.0.0.1 only; close() stops everything and removes the temporary data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { startCentralServer, type CentralServer } from '../../central/server';
import { Companion } from '../../electron/core/companion';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { subscribeToCompanionEvents } from '../../electron/core/ipc/companion-events';
import { startWebBridge, type WebBridge } from '../../electron/core/ipc/ws-bridge';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { Clock } from '../../electron/core/worktime/clock';
import { BRIDGE_TOKEN_PARAM, BRIDGE_URL_PARAM } from '../../shared/bridge-protocol';

export const DEMO_ENROLLMENT_CODE = 'DEMO';

const projectRoot = resolve(import.meta.dirname, '../..');

export interface WebStack {
  /** The renderer page, with the bridge URL and token in its query. */
  pageUrl: string;
  /** The renderer page without bridge parameters, as a plain browser would open it. */
  bareUrl: string;
  centralUrl: string;
  companion: Companion;
  bridge: WebBridge;
  dataDir: string;
  close(): Promise<void>;
}

async function startRendererServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: join(projectRoot, 'vite.config.ts'),
    mode: 'development',
    logLevel: 'warn',
    clearScreen: false,
    // Port 0 lets the OS pick a free port; no file watching or hot reload is needed in a test.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();

  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('The Vite dev server started but reported no local URL for the renderer; check the server options in vite.config.ts.');
  }
  return { server, url };
}

/** Starts the stack; if one part fails to start, the parts already running are stopped again. */
export interface WebStackOptions {
  /** Wall and monotonic clocks for the companion; the system's when omitted. */
  clock?: Clock;
}

export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'asn-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const central: CentralServer = await startCentralServer({ host: '127.0.0.1', port: 0, enrollmentCodes: [DEMO_ENROLLMENT_CODE] });
    cleanups.push(() => central.close());

    const companion = await Companion.open({
      dataDir,
      demoMode: true,
      speedEndpoint: central.url,
      secretStore: new MemorySecretStore(),
      ...(options.clock ? { clock: options.clock, now: () => options.clock!.wall() } : {}),
    });
    cleanups.push(() => companion.close());
    await companion.enroll(central.url, DEMO_ENROLLMENT_CODE);

    const bridge = await startWebBridge({
      handlers: createHandlers(companion),
      subscribe: (publish) => subscribeToCompanionEvents(companion, publish),
      logger: companion.logger.child('ws-bridge'),
    });
    cleanups.push(() => bridge.close());

    const renderer = await startRendererServer();
    cleanups.push(() => renderer.server.close());

    const query = new URLSearchParams({ [BRIDGE_URL_PARAM]: bridge.url, [BRIDGE_TOKEN_PARAM]: bridge.token });
    return {
      pageUrl: `${renderer.url}?${query.toString()}`,
      bareUrl: renderer.url,
      centralUrl: central.url,
      companion,
      bridge,
      dataDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
