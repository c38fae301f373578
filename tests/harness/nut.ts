// A real NUT server for tests: upsd listening on 127.0.0.1 at a free port, with one dummy-ups driver
// per UPS, each reading its variables from a .dev file that the test rewrites. Configuration and
// state live in a temporary folder (NUT_CONFPATH, NUT_STATEPATH); stop() ends every process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const NUT_DIR = '/lib/nut';

/** Seconds without driver news after which upsd calls the data stale; short so the stale case is quick. */
export const NUT_MAXAGE_SECONDS = 2;

export type UpsVariables = Record<string, string>;

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export class NutTestServer {
  private readonly drivers = new Map<string, ChildProcess>();
  private upsd: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly folder: string,
    readonly port: number,
  ) {}

  /** Starts one dummy-ups driver per UPS and upsd, and waits until upsd serves each UPS's status. */
  static async start(upses: Record<string, UpsVariables>): Promise<NutTestServer> {
    const folder = mkdtempSync(path.join(tmpdir(), 'asnc-nut-'));
    const server = new NutTestServer(folder, await freePort());

    try {
      const sections = Object.keys(upses).map((name) => `[${name}]\n  driver = dummy-ups\n  port = ${name}.dev\n  desc = "test UPS ${name}"\n`);
      writeFileSync(path.join(folder, 'ups.conf'), sections.join('\n'), { mode: 0o600 });
      writeFileSync(path.join(folder, 'upsd.conf'), `LISTEN 127.0.0.1 ${server.port}\nMAXAGE ${NUT_MAXAGE_SECONDS}\n`, { mode: 0o600 });
      writeFileSync(path.join(folder, 'upsd.users'), '', { mode: 0o600 });
      for (const [name, variables] of Object.entries(upses)) server.writeVariables(name, variables);

      for (const name of Object.keys(upses)) server.drivers.set(name, server.spawn('dummy-ups', ['-a', name, '-u', 'root', '-F']));
      server.upsd = server.spawn('upsd', ['-u', 'root', '-F']);
      for (const name of Object.keys(upses)) await server.waitForStatus(name);
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** Rewrites the UPS's variables; dummy-ups rereads its file when it changes (poll interval 2 s). */
  async setVariables(name: string, variables: UpsVariables, expectedStatus = variables['ups.status']): Promise<void> {
    this.writeVariables(name, variables);
    if (expectedStatus !== undefined) await this.waitForStatus(name, expectedStatus);
  }

  /** Freezes the UPS's driver (SIGSTOP), so that upsd reports its data as stale after MAXAGE seconds. */
  freezeDriver(name: string): void {
    this.drivers.get(name)?.kill('SIGSTOP');
  }

  thawDriver(name: string): void {
    this.drivers.get(name)?.kill('SIGCONT');
  }

  /** Ends upsd and every driver, then removes the temporary folder. */
  async stop(): Promise<void> {
    const children = [this.upsd, ...this.drivers.values()].filter((child): child is ChildProcess => child !== null);
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(this.folder, { recursive: true, force: true });
  }

  private writeVariables(name: string, variables: UpsVariables): void {
    // dummy-ups keeps a variable that disappears from the file, so tests always write every variable they use.
    const lines = Object.entries(variables).map(([key, value]) => `${key}: ${value}`);
    writeFileSync(path.join(this.folder, `${name}.dev`), `${lines.join('\n')}\n`);
  }

  private spawn(program: string, args: string[]): ChildProcess {
    const child = spawn(path.join(NUT_DIR, program), args, {
      env: { ...process.env, NUT_CONFPATH: this.folder, NUT_STATEPATH: this.folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  /** Polls upsd until the UPS reports a status (other than WAIT), or the given one. */
  private async waitForStatus(name: string, expected?: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    let last = '';
    while (Date.now() < deadline) {
      last = await this.queryStatus(name).catch((error: Error) => error.message);
      if (expected === undefined ? last !== '' && !last.startsWith('ERR') && last !== 'WAIT' && !last.includes('ECONNREFUSED') : last === expected) return;
      await sleep(100);
    }
    throw new Error(`upsd on port ${this.port} did not report the status of ${name} (last answer "${last}"); NUT output: ${this.output}`);
  }

  private queryStatus(name: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.port });
      let received = '';
      socket.setTimeout(1_000, () => socket.destroy(new Error('timeout')));
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (!received.includes('\n')) return;
        socket.destroy();
        const line = received.split('\n')[0]!;
        const match = /^VAR \S+ ups\.status "(.*)"$/.exec(line);
        resolve(match ? match[1]! : line);
      });
      socket.on('connect', () => socket.write(`GET VAR ${name} ups.status\n`));
    });
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // A frozen driver ignores SIGTERM until it runs again.
    child.kill('SIGCONT');
    child.kill('SIGTERM');
  });
}
