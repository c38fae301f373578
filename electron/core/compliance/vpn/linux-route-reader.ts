// Linux route reader on iproute2's JSON output (`ip -j`), run with LC_ALL=C so that the only text
// read, the kernel's error for a missing route, is never translated.
import { execFile } from 'node:child_process';
import { z } from 'zod';
import { CommandUnavailableError } from '../platform-command';
import type { LocalSubnet, RouteDecision, RouteReader } from './route-reader';
import { networkCidr } from './subnet';
import { classifyLink, type LinkFacts } from './tunnel';

const IP_TIMEOUT_MS = 3_000;

const routeGetSchema = z.array(
  z.object({
    dev: z.string(),
    gateway: z.string().optional(),
    prefsrc: z.string().optional(),
    type: z.string().optional(),
  }),
);

const linkSchema = z.object({
  ifname: z.string(),
  flags: z.array(z.string()).default([]),
  operstate: z.string().optional(),
  link_type: z.string().optional(),
  linkinfo: z.object({ info_kind: z.string().optional() }).optional(),
});

const addressSchema = z.object({
  ifname: z.string(),
  flags: z.array(z.string()).default([]),
  link_type: z.string().optional(),
  addr_info: z.array(z.object({ family: z.string(), local: z.string().optional(), prefixlen: z.number().optional() })).default([]),
});

/** The kernel has no usable route: no matching route, or an unreachable, blackhole or prohibit one. */
class NoRouteError extends Error {}

export class LinuxRouteReader implements RouteReader {
  constructor(private readonly command = 'ip') {}

  async routeTo(address: string): Promise<RouteDecision> {
    let output: unknown;
    try {
      output = await this.run(['-j', 'route', 'get', address]);
    } catch (error) {
      if (error instanceof NoRouteError) return { kind: 'no-route', reason: error.message };
      throw error;
    }

    const routes = parse(routeGetSchema, output, `ip route get ${address}`);
    const route = routes[0];
    if (!route) return { kind: 'no-route', reason: `ip route get ${address} returned no route` };
    return { kind: 'route', device: route.dev, gateway: route.gateway ?? null, sourceAddress: route.prefsrc ?? null, type: route.type ?? null };
  }

  async link(device: string): Promise<LinkFacts> {
    const links = parse(z.array(linkSchema), await this.run(['-j', '-d', 'link', 'show', 'dev', device]), `ip link show ${device}`);
    const link = links[0];
    if (!link) throw new Error(`ip link show ${device} returned no interface, although the kernel routes through it.`);

    return {
      name: link.ifname,
      linkType: link.link_type ?? null,
      flags: link.flags,
      operstate: link.operstate ?? null,
      kind: link.linkinfo?.info_kind ?? null,
    };
  }

  async linkNames(): Promise<string[]> {
    const links = parse(z.array(linkSchema), await this.run(['-j', 'link', 'show']), 'ip link show');
    return links.map((link) => link.ifname);
  }

  async localSubnets(): Promise<LocalSubnet[]> {
    const interfaces = parse(z.array(addressSchema), await this.run(['-j', 'addr', 'show']), 'ip addr show');
    const subnets: LocalSubnet[] = [];

    for (const entry of interfaces) {
      const link: LinkFacts = { name: entry.ifname, linkType: entry.link_type ?? null, flags: entry.flags, operstate: null, kind: null };
      if (entry.link_type === 'loopback' || classifyLink(link).isTunnel) continue;
      for (const address of entry.addr_info) {
        if (address.family !== 'inet' || address.local === undefined || address.prefixlen === undefined) continue;
        subnets.push({ device: entry.ifname, cidr: networkCidr(address.local, address.prefixlen) });
      }
    }
    return subnets;
  }

  private run(args: string[]): Promise<unknown> {
    const commandLine = `${this.command} ${args.join(' ')}`;

    return new Promise((resolve, reject) => {
      execFile(
        this.command,
        args,
        { timeout: IP_TIMEOUT_MS, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 4 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) {
            reject(commandError(error, commandLine, stderr));
            return;
          }
          try {
            resolve(JSON.parse(stdout));
          } catch (parseError) {
            reject(new Error(`${commandLine} printed output that is not JSON; iproute2 is too old for -j (JSON output).`, { cause: parseError }));
          }
        },
      );
    });
  }
}

function commandError(error: Error & { code?: unknown; killed?: boolean }, commandLine: string, stderr: string): Error {
  const detail = stderr.trim();
  // The kernel rejects the lookup itself ("RTNETLINK answers: Network is unreachable") when no usable route exists.
  if (detail.startsWith('RTNETLINK answers:')) return new NoRouteError(detail);

  if (error.code === 'ENOENT') {
    return new CommandUnavailableError('ip', 'iproute2 is not installed; install the iproute2 package', { cause: error });
  }
  if (error.killed) {
    return new Error(`${commandLine} timed out after ${IP_TIMEOUT_MS} ms.`, { cause: error });
  }
  return new Error(`${commandLine} failed: ${detail || error.message}`, { cause: error });
}

function parse<T>(schema: z.ZodType<T>, output: unknown, commandLine: string): T {
  const result = schema.safeParse(output);
  if (!result.success) {
    throw new Error(`${commandLine} printed JSON of an unexpected shape: ${result.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return result.data;
}
