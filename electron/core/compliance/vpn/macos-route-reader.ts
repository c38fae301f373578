// macOS route reader on `route -n get` and `ifconfig`, run with LC_ALL=C. Only the field names of
// their output are read ("interface:", "gateway:", "flags=<...>"); neither tool translates them.
import { CommandFailedError, runCommand, type CommandRunner } from '../platform-command';
import type { RouteDecision, RouteReader } from './route-reader';
import type { LinkFacts } from './tunnel';

const ipv4Address = /^(\d{1,3})(\.\d{1,3}){3}$/;

/** Parses `route -n get ADDRESS`: "key: value" lines, of which `interface` names the outgoing device. */
export function parseRouteGet(stdout: string, address: string): RouteDecision {
  const fields = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^\s*([a-z ]+):\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields.set(match[1].trim(), match[2]);
  }

  const device = fields.get('interface');
  if (!device) return { kind: 'no-route', reason: `route -n get ${address} named no interface` };

  const flags = fields.get('flags') ?? '';
  // A route through a gateway carries the GATEWAY flag; otherwise "gateway:" repeats the interface or a link address.
  const gateway = flags.includes('GATEWAY') ? (fields.get('gateway') ?? null) : null;
  const destination = fields.get('destination') ?? null;
  return { kind: 'route', device, gateway, sourceAddress: null, type: destination === 'default' ? 'default' : destination };
}

/** Parses `ifconfig DEVICE`: the first line carries flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST>. */
export function parseIfconfig(stdout: string, device: string): LinkFacts {
  const header = new RegExp(`^${device.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: flags=[0-9a-f]+<([^>]*)>`, 'm').exec(stdout);
  if (!header) throw new Error(`ifconfig ${device} printed no interface header; the output was: ${stdout.trim().slice(0, 200)}`);

  const reported = header[1] ? header[1].split(',').filter(Boolean) : [];
  // Ethernet and Wi-Fi report their carrier in a "status:" line; tunnels have none and use RUNNING.
  const status = /^\s*status: (\w+)/m.exec(stdout)?.[1] ?? null;
  const carrier = status === null ? reported.includes('RUNNING') : status === 'active';
  // tunnel.ts reads Linux's LOWER_UP as "carrier present", so the macOS carrier is written the same way.
  const flags = carrier && reported.includes('UP') ? [...reported, 'LOWER_UP'] : reported;

  return { name: device, linkType: null, flags, operstate: status, kind: null };
}

export class MacosRouteReader implements RouteReader {
  constructor(
    private readonly run: CommandRunner = runCommand,
    private readonly timeoutMs = 3_000,
  ) {}

  async routeTo(address: string): Promise<RouteDecision> {
    if (!ipv4Address.test(address)) throw new Error(`Cannot look up a route to "${address}": it is not an IPv4 address.`);

    try {
      const { stdout } = await this.run('/sbin/route', ['-n', 'get', address], { timeoutMs: this.timeoutMs });
      return parseRouteGet(stdout, address);
    } catch (error) {
      // The routing socket rejects the lookup itself when no route matches: "route: writing to routing socket: not in table".
      if (error instanceof CommandFailedError && /not in table/.test(error.stderr)) return { kind: 'no-route', reason: error.stderr.trim() };
      throw error;
    }
  }

  async link(device: string): Promise<LinkFacts> {
    const { stdout } = await this.run('/sbin/ifconfig', [device], { timeoutMs: this.timeoutMs });
    return parseIfconfig(stdout, device);
  }

  async linkNames(): Promise<string[]> {
    const { stdout } = await this.run('/sbin/ifconfig', ['-l'], { timeoutMs: this.timeoutMs });
    return stdout.trim().split(/\s+/).filter(Boolean);
  }
}
