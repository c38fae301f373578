// The real VPN check (iproute2 route and link reader) run inside a network namespace that the test
// builds: a tun device carrying 10.77.0.0/16, a veth LAN link carrying 10.99.0.0/16, and no route
// at all to 10.88.0.0/16.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema, type CheckResult } from '../../shared/domain';
import { holdTunCarrier, NetworkNamespace, type TunCarrier } from '../harness/netns';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('../harness/run-vpn-check.ts', import.meta.url));

interface VpnPolicy {
  internalSubnets: string[];
  adapterHints: string[];
}

type RouteEvidence = { subnet: string; finding: string; device: string | null; carrierUp: boolean };

// Creating network namespaces needs root on Linux; elsewhere the suite reports itself as skipped.
const canCreateNamespaces = process.platform === 'linux' && process.getuid?.() === 0;

describe.runIf(canCreateNamespaces)('VPN check in a network namespace', () => {
  let namespace: NetworkNamespace | undefined;
  let carrier: TunCarrier | undefined;

  async function checkInside(...policies: VpnPolicy[]): Promise<CheckResult[]> {
    const { stdout } = await namespace!.exec(process.execPath, ['--import', 'tsx', script, JSON.stringify(policies)], { cwd: repositoryRoot });
    return (JSON.parse(stdout) as unknown[]).map((result) => checkResultSchema.parse(result));
  }

  const routesOf = (result: CheckResult) => result.evidence.routes as RouteEvidence[];

  beforeAll(async () => {
    namespace = await NetworkNamespace.create('asnc-vpn');

    await namespace.ip('tuntap', 'add', 'dev', 'tun7', 'mode', 'tun');
    await namespace.ip('link', 'set', 'tun7', 'up');
    await namespace.ip('addr', 'add', '10.77.0.2/32', 'dev', 'tun7');
    await namespace.ip('route', 'add', '10.77.0.0/16', 'dev', 'tun7');
    carrier = await holdTunCarrier(namespace, 'tun7');

    await namespace.ip('link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'lan1');
    await namespace.ip('link', 'set', 'lan1', 'up');
    await namespace.ip('link', 'set', 'lan0', 'up');
    await namespace.ip('addr', 'add', '192.168.50.2/24', 'dev', 'lan0');
    await namespace.ip('route', 'add', '10.99.0.0/16', 'dev', 'lan0');
  });

  afterAll(async () => {
    await carrier?.release();
    await namespace?.delete();
  });

  it('passes a subnet routed through the tunnel', async () => {
    const [result] = await checkInside({ internalSubnets: ['10.77.0.0/16'], adapterHints: [] });

    expect(result!.verdict).toBe('pass');
    const [route] = routesOf(result!);
    expect(route!.device).toBe('tun7');
    expect(route!.finding).toBe('through-tunnel');
    expect(route!.carrierUp).toBe(true);
  });

  it('fails a subnet with no route', async () => {
    const [result] = await checkInside({ internalSubnets: ['10.77.0.0/16', '10.88.0.0/16'], adapterHints: [] });

    expect(result!.verdict).toBe('fail');
    expect(routesOf(result!).map((route) => route.finding)).toEqual(['through-tunnel', 'no-route']);
    expect(result!.summary.en).toContain('10.88.0.0/16');
  });

  it('fails a LAN route despite a hinted adapter', async () => {
    const [result] = await checkInside({ internalSubnets: ['10.99.0.0/16'], adapterHints: ['TUN'] });

    expect(result!.verdict).toBe('fail');
    const [route] = routesOf(result!);
    expect(route!.device).toBe('lan0');
    expect(route!.finding).toBe('not-a-tunnel');
    expect(result!.evidence.hintedAdapters).toEqual(['tun7']);
    expect(result!.evidence.adapterNote).toEqual({
      id: 'Adaptor tun7 terpasang, tetapi lalu lintas ke 10.99.0.0/16 tidak melewatinya.',
      en: 'Adapter tun7 is present but traffic to 10.99.0.0/16 does not go through it.',
    });
  });

  it('passes any subnet through a full tunnel', async () => {
    await namespace!.ip('route', 'add', '0.0.0.0/1', 'dev', 'tun7');
    await namespace!.ip('route', 'add', '128.0.0.0/1', 'dev', 'tun7');

    const [fullTunnel, lanStillWins] = await checkInside(
      { internalSubnets: ['10.88.0.0/16', '172.20.0.0/14'], adapterHints: [] },
      { internalSubnets: ['10.99.0.0/16'], adapterHints: [] },
    );

    expect(fullTunnel!.verdict).toBe('pass');
    expect(routesOf(fullTunnel!).map((route) => route.device)).toEqual(['tun7', 'tun7']);
    expect(lanStillWins!.verdict).toBe('fail');
  });

  it('fails once the tunnel loses its carrier', async () => {
    await carrier!.release();

    const [result] = await checkInside({ internalSubnets: ['10.77.0.0/16'], adapterHints: [] });

    expect(result!.verdict).toBe('fail');
    const [route] = routesOf(result!);
    expect(route!.device).toBe('tun7');
    expect(route!.finding).toBe('tunnel-down');
    expect(route!.carrierUp).toBe(false);
  });

  it('is unknown without internal subnets', async () => {
    const [result] = await checkInside({ internalSubnets: [], adapterHints: [] });

    expect(result!.verdict).toBe('unknown');
  });
});
