// The Windows and macOS route readers, the DNS-suffix hint and the metered-connection readers against
// outputs written by hand from each command's documented format (tests/fixtures/platform/README.md),
// and the command runner against real programs of this machine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { CommandFailedError, CommandUnavailableError, runCommand, type CommandRunner } from '../../electron/core/compliance/platform-command';
import { parseNmcliMetered, parseWindowsCost, platformMeteredDetector } from '../../electron/core/compliance/speed/metered';
import { parseGetDnsClient, parseResolvConf, parseResolvectlDomain, parseScutilDns, readDnsSuffixHint, suffixMatches } from '../../electron/core/compliance/vpn/dns-suffix';
import { LinuxRouteReader } from '../../electron/core/compliance/vpn/linux-route-reader';
import { MacosRouteReader, parseIfconfig, parseRouteGet } from '../../electron/core/compliance/vpn/macos-route-reader';
import { classifyLink } from '../../electron/core/compliance/vpn/tunnel';
import { runVpnCheck } from '../../electron/core/compliance/vpn/vpn-check';
import { adapterLinkFacts, findNetRouteScript, parseFindNetRoute, parseNetAdapters, WindowsRouteReader } from '../../electron/core/compliance/vpn/windows-route-reader';

const fixtures = resolve(import.meta.dirname, '../fixtures/platform');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const logger = createLogger(silentSink);

/** Replays recorded outputs: the first rule whose pattern matches the command line supplies the output. */
function replay(rules: Array<[RegExp, string | Error]>): CommandRunner {
  return async (command, args) => {
    const line = [command, ...args].join(' ');
    const rule = rules.find(([pattern]) => pattern.test(line));
    if (!rule) throw new Error(`No recorded output for: ${line}`);
    if (rule[1] instanceof Error) throw rule[1];
    return { stdout: rule[1], stderr: '' };
  };
}

describe('command runner', () => {
  it('reports a missing program as unavailable', async () => {
    await expect(runCommand('asn-no-such-program', [])).rejects.toBeInstanceOf(CommandUnavailableError);
  });

  it('stops a program at its time limit', async () => {
    await expect(runCommand('sleep', ['5'], { timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
  });

  it('keeps stderr of a failing program', async () => {
    const failure = await runCommand('sh', ['-c', 'echo broken >&2; exit 3']).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CommandFailedError);
    expect((failure as CommandFailedError).exitCode).toBe(3);
    expect((failure as CommandFailedError).stderr).toBe('broken\n');
  });
});

describe('Windows route reader', () => {
  it('reads the route through a VPN adapter', () => {
    expect(parseFindNetRoute(fixture('find-netroute-vpn.json'), '10.77.0.1')).toEqual({
      kind: 'route',
      device: 'FortiClient SSL VPN',
      gateway: null,
      sourceAddress: '10.77.8.21',
      type: '10.77.0.0/16',
    });
  });

  it('reads a default route through Wi-Fi', () => {
    const route = parseFindNetRoute(fixture('find-netroute-wifi.json'), '10.77.0.1');

    expect(route).toMatchObject({ kind: 'route', device: 'Wi-Fi', gateway: '192.168.1.1', type: '0.0.0.0/0' });
  });

  it('reads error 1231 as no route', () => {
    const route = parseFindNetRoute(fixture('find-netroute-unreachable.json'), '10.77.0.1');

    expect(route.kind).toBe('no-route');
  });

  it('reads a missing cmdlet as unavailable', () => {
    expect(() => parseFindNetRoute(fixture('find-netroute-missing.json'), '10.77.0.1')).toThrow(CommandUnavailableError);
  });

  it('rejects an address that is not IPv4', () => {
    expect(() => findNetRouteScript("10.0.0.1'; Remove-Item C:\\")).toThrow(/not an IPv4 address/);
  });

  it('classifies software and proprietary adapters as tunnels', () => {
    const adapters = parseNetAdapters(fixture('get-netadapter.json'));
    const byName = (name: string) => classifyLink(adapterLinkFacts(adapters.find((adapter) => adapter.Name === name)!));

    expect(byName('FortiClient SSL VPN')).toEqual({ isTunnel: true, carrierUp: true, reasons: ['kind software-adapter'] });
    expect(byName('WireGuard Tunnel').reasons).toEqual(['link_type propVirtual']);
    expect(byName('FortiClient IPsec').carrierUp).toBe(false);
    expect(byName('Wi-Fi').isTunnel).toBe(false);
    expect(byName('Ethernet').isTunnel).toBe(false);
  });

  it('passes the VPN check through a live VPN adapter', async () => {
    const reader = new WindowsRouteReader(
      replay([
        [/Find-NetRoute/, fixture('find-netroute-vpn.json')],
        [/Get-NetAdapter/, fixture('get-netadapter.json')],
      ]),
    );
    const result = await runVpnCheck({ vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: ['fortinet'] }, now: Date.now, logger, platform: 'win32', reader });

    expect(result.verdict).toBe('pass');
    expect(result.evidence.hintedAdapters).toEqual(['Fortinet SSL VPN Virtual Ethernet Adapter', 'Fortinet Virtual Ethernet Adapter (NDIS 6.30)']);
  });

  it('fails when the route bypasses the installed adapter', async () => {
    const reader = new WindowsRouteReader(
      replay([
        [/Find-NetRoute/, fixture('find-netroute-wifi.json')],
        [/Get-NetAdapter/, fixture('get-netadapter.json')],
      ]),
    );
    const result = await runVpnCheck({ vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: ['forti'] }, now: Date.now, logger, platform: 'win32', reader });

    expect(result.verdict).toBe('fail');
    expect(result.evidence.adapterNote).toBeDefined();
  });

  it('treats a RAS connection as a PPP tunnel', async () => {
    const ras = JSON.stringify([{ IPAddress: null, InterfaceAlias: 'VPN Kantor', InterfaceIndex: 41, NextHop: '0.0.0.0', DestinationPrefix: '10.77.0.0/16' }]);
    const reader = new WindowsRouteReader(
      replay([
        [/Find-NetRoute/, ras],
        [/Get-NetAdapter/, fixture('get-netadapter.json')],
        [/Get-NetIPInterface/, fixture('get-netipinterface.json')],
      ]),
    );

    const link = classifyLink(await reader.link('VPN Kantor'));

    expect(link).toEqual({ isTunnel: true, carrierUp: true, reasons: ['kind ras', 'link_type ppp'] });
  });

  it('is unknown without PowerShell, never pass', async () => {
    // This machine has no powershell.exe, so the real runner meets a missing program.
    const result = await runVpnCheck({ vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: [] }, now: Date.now, logger, platform: 'win32' });

    expect(result.verdict).toBe('unknown');
    expect(result.summary.en).toContain('powershell.exe');
  });
});

describe('Linux route reader', () => {
  it('is unknown without iproute2, never pass', async () => {
    const reader = new LinuxRouteReader('asn-no-such-ip');

    const result = await runVpnCheck({ vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: [] }, now: Date.now, logger, platform: 'linux', reader });

    expect(result.verdict).toBe('unknown');
    expect(result.summary.id).toContain('perintah ip tidak tersedia');
  });
});

describe('macOS route reader', () => {
  it('reads the interface of a utun route', () => {
    expect(parseRouteGet(fixture('macos-route-get-utun.txt'), '10.77.0.1')).toEqual({ kind: 'route', device: 'utun4', gateway: null, sourceAddress: null, type: '10.77.0.0' });
  });

  it('reads the gateway of a default route', () => {
    expect(parseRouteGet(fixture('macos-route-get-default.txt'), '10.77.0.1')).toEqual({ kind: 'route', device: 'en0', gateway: '192.168.1.1', sourceAddress: null, type: 'default' });
  });

  it('classifies a running utun as a live tunnel', () => {
    expect(classifyLink(parseIfconfig(fixture('macos-ifconfig-utun4.txt'), 'utun4'))).toEqual({ isTunnel: true, carrierUp: true, reasons: ['flag POINTOPOINT'] });
  });

  it('sees a utun that is not running as down', () => {
    expect(classifyLink(parseIfconfig(fixture('macos-ifconfig-utun5-down.txt'), 'utun5')).carrierUp).toBe(false);
  });

  it('does not call Wi-Fi a tunnel', () => {
    const link = classifyLink(parseIfconfig(fixture('macos-ifconfig-en0.txt'), 'en0'));

    expect(link.isTunnel).toBe(false);
    expect(link.carrierUp).toBe(true);
  });

  it('reads "not in table" as no route', async () => {
    const run: CommandRunner = async (command, args) => {
      throw new CommandFailedError([command, ...args].join(' '), 1, '', 'route: writing to routing socket: not in table\n');
    };

    const route = await new MacosRouteReader(run).routeTo('10.77.0.1');

    expect(route).toEqual({ kind: 'no-route', reason: 'route: writing to routing socket: not in table' });
  });

  it('passes the VPN check through utun', async () => {
    const reader = new MacosRouteReader(
      replay([
        [/route -n get/, fixture('macos-route-get-utun.txt')],
        [/ifconfig utun4/, fixture('macos-ifconfig-utun4.txt')],
      ]),
    );
    const result = await runVpnCheck({ vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: [] }, now: Date.now, logger, platform: 'darwin', reader });

    expect(result.verdict).toBe('pass');
  });
});

describe('DNS suffix hint', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'asn-resolv-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads resolvectl domains per link', () => {
    expect(parseResolvectlDomain(fixture('resolvectl-domain.txt'))).toEqual([
      { suffix: 'home.lan', interface: 'wlp2s0', source: 'resolvectl' },
      { suffix: 'corp.kemenpan.go.id', interface: 'tun0', source: 'resolvectl' },
      { suffix: 'kemenpan.go.id', interface: 'tun0', source: 'resolvectl' },
    ]);
  });

  it('reads the last search line of resolv.conf', () => {
    expect(parseResolvConf(fixture('resolv.conf')).map((entry) => entry.suffix)).toEqual(['home.lan', 'intranet.kemenpan.go.id']);
  });

  it('reads Get-DnsClient suffixes', () => {
    expect(parseGetDnsClient(fixture('get-dnsclient.json')).map((entry) => `${entry.interface}=${entry.suffix}`)).toEqual([
      'Wi-Fi=home.lan',
      'FortiClient SSL VPN=kemenpan.go.id',
    ]);
  });

  it('reads scutil resolvers with their interface', () => {
    const suffixes = parseScutilDns(fixture('scutil-dns.txt'));

    expect(suffixes).toContainEqual({ suffix: 'kemenpan.go.id', interface: 'utun4', source: 'scutil' });
    expect(suffixes).toContainEqual({ suffix: 'home.lan', interface: 'en0', source: 'scutil' });
  });

  it('matches subdomains but not look-alikes', () => {
    expect(suffixMatches('intranet.kemenpan.go.id.', 'kemenpan.go.id')).toBe(true);
    expect(suffixMatches('KEMENPAN.go.id', 'kemenpan.go.id')).toBe(true);
    expect(suffixMatches('notkemenpan.go.id', 'kemenpan.go.id')).toBe(false);
  });

  it('reads a resolv.conf path when resolvectl is missing', async () => {
    const path = join(folder, 'resolv.conf');
    await writeFile(path, 'nameserver 10.77.0.53\nsearch kemenpan.go.id home.lan\n');

    const hint = await readDnsSuffixHint(['kemenpan.go.id'], { platform: 'linux', resolvConfPath: path, run: replay([[/resolvectl/, new CommandUnavailableError('resolvectl', 'ENOENT')]]) });

    expect(hint.matched).toEqual([{ suffix: 'kemenpan.go.id', interface: null, source: 'resolv.conf' }]);
    expect(hint.unavailable.map((entry) => entry.source)).toEqual(['resolvectl']);
  });

  it('never passes the VPN check on a suffix alone', async () => {
    const path = join(folder, 'resolv-vpn.conf');
    await writeFile(path, 'search kemenpan.go.id\n');
    const reader = new MacosRouteReader(
      replay([
        [/route -n get/, fixture('macos-route-get-default.txt')],
        [/ifconfig en0/, fixture('macos-ifconfig-en0.txt')],
      ]),
    );

    const result = await runVpnCheck({
      vpn: { internalSubnets: ['10.77.0.0/16'], adapterHints: [], dnsSuffixes: ['kemenpan.go.id'] },
      now: Date.now,
      logger,
      platform: 'darwin',
      reader,
      readDnsSuffixes: (expected) => readDnsSuffixHint(expected, { platform: 'linux', resolvConfPath: path, run: replay([[/resolvectl/, new CommandUnavailableError('resolvectl', 'ENOENT')]]) }),
    });

    expect(result.verdict).toBe('fail');
    expect((result.evidence.dnsSuffixHint as { matched: unknown[] }).matched).toHaveLength(1);
    expect((result.evidence.dnsSuffixNote as { id: string }).id).toContain('hanya petunjuk');
    expect(result.policy.dnsSuffixes).toEqual(['kemenpan.go.id']);
  });
});

describe('metered connection', () => {
  it('reads nmcli values and guesses', () => {
    expect(parseNmcliMetered('GENERAL.METERED:yes\n')).toEqual({ state: 'yes', guessed: false });
    expect(parseNmcliMetered('GENERAL.METERED:yes (guessed)\n')).toEqual({ state: 'yes', guessed: true });
    expect(parseNmcliMetered('GENERAL.METERED:no (guessed)\n')).toEqual({ state: 'no', guessed: true });
    expect(parseNmcliMetered('GENERAL.METERED:unknown\n')).toEqual({ state: 'unknown', guessed: false });
    expect(parseNmcliMetered('')).toEqual({ state: 'unknown', guessed: false });
  });

  it('reads Windows connection costs', () => {
    expect(parseWindowsCost('{"connected":true,"profileName":"Hotspot","networkCostType":"Fixed","roaming":false,"overDataLimit":false}').state).toBe('yes');
    expect(parseWindowsCost('{"connected":true,"profileName":"Rumah","networkCostType":"Unrestricted","roaming":false,"overDataLimit":false}').state).toBe('no');
    expect(parseWindowsCost('{"connected":true,"networkCostType":"Unrestricted","roaming":true,"overDataLimit":false}').state).toBe('yes');
    expect(parseWindowsCost('{"connected":false}').state).toBe('unknown');
  });

  it('is unknown without NetworkManager', async () => {
    // nmcli is not installed on this machine.
    const reading = await platformMeteredDetector('linux')('eth0');

    expect(reading.state).toBe('unknown');
    expect(reading.reason).toContain('nmcli');
  });

  it('is unknown on macOS', async () => {
    expect((await platformMeteredDetector('darwin')('en0')).state).toBe('unknown');
  });
});
