// Two network namespaces joined by a veth pair whose two directions are shaped with `tc qdisc tbf`:
// the "server" side holds the speed endpoint and an iperf3 server, the "client" side runs the
// product and the iperf3 client. Download is the server's egress, upload the client's.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { NetworkNamespace } from './netns';

export const SERVER_ADDRESS = '10.66.0.1';
export const CLIENT_ADDRESS = '10.66.0.2';
export const SPEED_PORT = 8080;
const speedServerScript = new URL('./speed-server.ts', import.meta.url).pathname;
const speedCheckScript = new URL('./run-speed-check.ts', import.meta.url).pathname;

export interface IperfFigure {
  mbps: number;
  seconds: number;
  bytes: number;
}

export class ShapedLink {
  private constructor(
    readonly client: NetworkNamespace,
    readonly server: NetworkNamespace,
  ) {}

  get endpoint(): string {
    return `http://${SERVER_ADDRESS}:${SPEED_PORT}/`;
  }

  static async create(downMbps: number, upMbps: number): Promise<ShapedLink> {
    const client = await NetworkNamespace.create('asnc-sc');
    const server = await NetworkNamespace.create('asnc-ss').catch(async (error: unknown) => {
      await client.delete();
      throw error;
    });
    const link = new ShapedLink(client, server);

    try {
      await client.ip('link', 'add', 'c0', 'netns', client.name, 'type', 'veth', 'peer', 'name', 's0', 'netns', server.name);
      await client.ip('addr', 'add', `${CLIENT_ADDRESS}/24`, 'dev', 'c0');
      await server.ip('addr', 'add', `${SERVER_ADDRESS}/24`, 'dev', 's0');
      await client.ip('link', 'set', 'c0', 'up');
      await server.ip('link', 'set', 's0', 'up');
      // veth offloads would hand tbf 64 KB super-packets; real links carry MTU-sized frames.
      await client.exec('ethtool', ['-K', 'c0', 'tso', 'off', 'gso', 'off', 'gro', 'off']).catch(() => undefined);
      await server.exec('ethtool', ['-K', 's0', 'tso', 'off', 'gso', 'off', 'gro', 'off']).catch(() => undefined);
      await link.shape(downMbps, upMbps);
      await link.startServers();
      return link;
    } catch (error) {
      await link.delete();
      throw error;
    }
  }

  /**
   * Sets the rate of each direction. The old qdisc is deleted and a new one added, because changing a
   * tbf in place (`tc qdisc replace` or `change`) to a smaller bucket stalled the link for seconds here.
   */
  async shape(downMbps: number, upMbps: number): Promise<void> {
    for (const [namespace, device, mbps] of [[this.server, 's0', downMbps], [this.client, 'c0', upMbps]] as const) {
      await namespace.exec('tc', ['qdisc', 'del', 'dev', device, 'root']).catch(() => undefined);
      await namespace.exec('tc', ['qdisc', 'add', 'dev', device, 'root', ...tbf(mbps)]);
    }
  }

  /** Runs the product's speed check inside the client namespace. */
  async speedCheck(policy: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { stdout } = await this.client.exec(process.execPath, ['--import', 'tsx', speedCheckScript, this.endpoint, JSON.stringify(policy)]);
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  /** Measures one direction with iperf3 for `seconds` seconds after `omitSeconds` left out, from the client namespace. */
  async iperf3(direction: 'download' | 'upload', seconds: number, omitSeconds = 0): Promise<IperfFigure> {
    const args = ['-c', SERVER_ADDRESS, '-t', String(seconds), '-O', String(omitSeconds), '-J', ...(direction === 'download' ? ['-R'] : [])];
    const { stdout } = await this.client.exec('iperf3', args);
    const report = JSON.parse(stdout) as { end: { sum_received: { bits_per_second: number; seconds: number; bytes: number } } };
    const received = report.end.sum_received;
    return { mbps: received.bits_per_second / 1e6, seconds: received.seconds, bytes: received.bytes };
  }

  /** Starts a long download with iperf3 in the background, as other traffic on the same link. */
  backgroundDownload(seconds: number): ChildProcess {
    return this.client.spawn('iperf3', ['-c', SERVER_ADDRESS, '-t', String(seconds), '-R', '-p', '5202']);
  }

  async delete(): Promise<void> {
    await Promise.allSettled([this.client.delete(), this.server.delete()]);
  }

  private async startServers(): Promise<void> {
    const speed = this.server.spawn(process.execPath, ['--import', 'tsx', speedServerScript, SERVER_ADDRESS, String(SPEED_PORT)]);
    this.server.spawn('iperf3', ['-s', '-B', SERVER_ADDRESS]);
    this.server.spawn('iperf3', ['-s', '-B', SERVER_ADDRESS, '-p', '5202']);
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: speed.stdout! }).on('line', (line) => line === 'listening' && resolve());
      speed.once('exit', (code) => reject(new Error(`the speed server exited with ${code}`)));
    });
  }
}

/** tbf arguments for a rate; the bucket holds about 10 ms of traffic, never less than a few frames. */
function tbf(mbps: number): string[] {
  const burstBytes = Math.max(Math.round((mbps * 1e6 * 0.01) / 8), 8 * 1514);
  return ['tbf', 'rate', `${mbps}mbit`, 'burst', String(burstBytes), 'latency', '50ms'];
}
