// DNS search suffixes configured on this computer, compared with the agency's DNS suffix. A VPN
// client usually adds the agency's suffix while it is connected, but a stale or hand-made setting
// can keep it afterwards, so the match is a hint shown beside the route evidence and never a verdict.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parsePowerShellJson, runCommand, runPowerShell, type CommandRunner } from '../platform-command';

export type DnsSuffixSource = 'resolvectl' | 'resolv.conf' | 'Get-DnsClient' | 'scutil';

/** One search suffix and where it was configured. */
export interface ConfiguredSuffix {
  suffix: string;
  /** The interface it belongs to, when the source names one. */
  interface: string | null;
  source: DnsSuffixSource;
}

export interface DnsSuffixHint {
  /** The policy's agency suffixes that were looked for. */
  expected: string[];
  /** Every suffix found on this computer. */
  configured: ConfiguredSuffix[];
  /** The configured suffixes equal to, or below, one of the expected ones. */
  matched: ConfiguredSuffix[];
  /** Sources that could not be read, with the reason (command missing, file unreadable). */
  unavailable: { source: DnsSuffixSource; reason: string }[];
}

export interface DnsSuffixReadOptions {
  platform: NodeJS.Platform;
  run?: CommandRunner;
  /** Path of resolv.conf; tests pass a temporary file. */
  resolvConfPath?: string;
}

/** Lower case without the trailing dot of a fully qualified name; routing-only domains lose their "~". */
export function normalizeSuffix(suffix: string): string {
  return suffix.trim().replace(/^~/, '').replace(/\.$/, '').toLowerCase();
}

/** Returns true when the configured suffix equals the agency's or is a subdomain of it. */
export function suffixMatches(configured: string, expected: string): boolean {
  const have = normalizeSuffix(configured);
  const want = normalizeSuffix(expected);
  return want !== '' && (have === want || have.endsWith(`.${want}`));
}

/** Parses resolv.conf: the last `search` or `domain` line wins, as the resolver does. */
export function parseResolvConf(text: string): ConfiguredSuffix[] {
  let suffixes: string[] = [];
  for (const line of text.split('\n')) {
    const [keyword, ...values] = line.trim().split(/\s+/);
    if (keyword === 'search' || keyword === 'domain') suffixes = values.filter((value) => !value.startsWith('#') && !value.startsWith(';'));
  }
  return suffixes.map((suffix) => ({ suffix: normalizeSuffix(suffix), interface: null, source: 'resolv.conf' }));
}

/** Parses `resolvectl domain`: "Global: a b" and "Link 3 (tun0): ~corp.example b" lines. */
export function parseResolvectlDomain(text: string): ConfiguredSuffix[] {
  const found: ConfiguredSuffix[] = [];
  for (const line of text.split('\n')) {
    const match = /^(Global|Link \d+ \(([^)]+)\)):\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    for (const domain of (match[3] ?? '').split(/\s+/).filter(Boolean)) {
      const suffix = normalizeSuffix(domain);
      // "~." routes every query to this link; it names no suffix.
      if (suffix !== '') found.push({ suffix, interface: match[2] ?? null, source: 'resolvectl' });
    }
  }
  return found;
}

const dnsClientSchema = z.object({ InterfaceAlias: z.string(), ConnectionSpecificSuffix: z.string().nullish() });

export const GET_DNS_CLIENT_SCRIPT = 'Get-DnsClient | Select-Object InterfaceAlias,ConnectionSpecificSuffix | ConvertTo-Json -Compress';

/** Parses Get-DnsClient's JSON; interfaces with an empty suffix are left out. */
export function parseGetDnsClient(stdout: string): ConfiguredSuffix[] {
  return parsePowerShellJson(stdout, 'Get-DnsClient')
    .map((entry) => dnsClientSchema.parse(entry))
    .filter((entry) => entry.ConnectionSpecificSuffix)
    .map((entry) => ({ suffix: normalizeSuffix(entry.ConnectionSpecificSuffix ?? ''), interface: entry.InterfaceAlias, source: 'Get-DnsClient' as const }));
}

/** Parses `scutil --dns`: "search domain[0] : x" and "domain : x" lines, per resolver with its if_index interface. */
export function parseScutilDns(text: string): ConfiguredSuffix[] {
  const found: ConfiguredSuffix[] = [];
  for (const block of text.split(/\n(?=resolver #\d+)/)) {
    const device = /^\s*if_index\s*:\s*\d+\s*\(([^)]+)\)/m.exec(block)?.[1] ?? null;
    for (const match of block.matchAll(/^\s*(?:search domain\[\d+\]|domain)\s*:\s*(\S+)/gm)) {
      const suffix = normalizeSuffix(match[1] ?? '');
      if (suffix !== '') found.push({ suffix, interface: device, source: 'scutil' });
    }
  }
  return found;
}

/** Reads the configured suffixes of this platform and matches them against the policy's. */
export async function readDnsSuffixHint(expected: readonly string[], options: DnsSuffixReadOptions): Promise<DnsSuffixHint> {
  const run = options.run ?? runCommand;
  const unavailable: DnsSuffixHint['unavailable'] = [];
  const configured: ConfiguredSuffix[] = [];

  const collect = async (source: DnsSuffixSource, read: () => Promise<ConfiguredSuffix[]>) => {
    try {
      configured.push(...(await read()));
    } catch (error) {
      unavailable.push({ source, reason: describeFailure(error) });
    }
  };

  if (options.platform === 'linux') {
    await collect('resolvectl', async () => parseResolvectlDomain((await run('resolvectl', ['domain'])).stdout));
    await collect('resolv.conf', async () => parseResolvConf(await readFile(options.resolvConfPath ?? '/etc/resolv.conf', 'utf8')));
  } else if (options.platform === 'win32') {
    await collect('Get-DnsClient', async () => parseGetDnsClient((await runPowerShell(run, GET_DNS_CLIENT_SCRIPT)).stdout));
  } else if (options.platform === 'darwin') {
    await collect('scutil', async () => parseScutilDns((await run('/usr/sbin/scutil', ['--dns'])).stdout));
  }

  const unique = dedupe(configured);
  const matched = unique.filter((entry) => expected.some((suffix) => suffixMatches(entry.suffix, suffix)));
  return { expected: expected.map(normalizeSuffix), configured: unique, matched, unavailable };
}

function dedupe(entries: ConfiguredSuffix[]): ConfiguredSuffix[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.suffix}|${entry.interface ?? ''}|${entry.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
