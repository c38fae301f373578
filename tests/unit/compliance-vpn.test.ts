import { describe, expect, it } from 'vitest';
import { decideVpn, type SubnetRouteFacts, type VpnPolicy } from '../../electron/core/compliance/vpn/decision';
import { parseSubnet, probeAddress } from '../../electron/core/compliance/vpn/subnet';
import { classifyLink, type LinkFacts } from '../../electron/core/compliance/vpn/tunnel';

const liveTun: LinkFacts = { name: 'tun0', linkType: 'none', flags: ['POINTOPOINT', 'MULTICAST', 'NOARP', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', kind: 'tun' };
const deadTun: LinkFacts = { ...liveTun, flags: ['NO-CARRIER', 'POINTOPOINT', 'MULTICAST', 'NOARP', 'UP'], operstate: 'DOWN' };
const wireguard: LinkFacts = { name: 'wg0', linkType: 'none', flags: ['POINTOPOINT', 'NOARP', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', kind: 'wireguard' };
const ethernet: LinkFacts = { name: 'eth0', linkType: 'ether', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UP', kind: null };
const veth: LinkFacts = { name: 'vpn-agency', linkType: 'ether', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UP', kind: 'veth' };

function routed(subnet: string, link: LinkFacts): SubnetRouteFacts {
  return {
    subnet,
    probeAddress: probeAddress(parseSubnet(subnet)),
    route: { kind: 'route', device: link.name, gateway: null, sourceAddress: null, type: null },
    link: classifyLink(link),
  };
}

function unrouted(subnet: string): SubnetRouteFacts {
  return { subnet, probeAddress: probeAddress(parseSubnet(subnet)), route: { kind: 'no-route', reason: 'RTNETLINK answers: Network is unreachable' }, link: null };
}

const agency: VpnPolicy = { internalSubnets: ['10.77.0.0/16'], adapterHints: ['forti'] };

describe('VPN subnets', () => {
  it('picks the first host of a subnet', () => {
    expect(probeAddress(parseSubnet('10.77.0.0/16'))).toBe('10.77.0.1');
    expect(probeAddress(parseSubnet('10.77.5.9/16'))).toBe('10.77.0.1');
    expect(probeAddress(parseSubnet('192.168.200.0/24'))).toBe('192.168.200.1');
    expect(probeAddress(parseSubnet('172.16.4.7/32'))).toBe('172.16.4.7');
    expect(probeAddress(parseSubnet('0.0.0.0/0'))).toBe('0.0.0.1');
  });

  it('rejects out-of-range subnets by value', () => {
    expect(() => parseSubnet('10.300.0.0/16')).toThrow(/10\.300\.0\.0\/16/);
    expect(() => parseSubnet('10.0.0.0/33')).toThrow(/prefix above \/32/);
    expect(() => parseSubnet('intranet')).toThrow(/a\.b\.c\.d\/n/);
  });
});

describe('VPN tunnel classification', () => {
  it('recognises tun and WireGuard links', () => {
    expect(classifyLink(liveTun)).toEqual({ isTunnel: true, carrierUp: true, reasons: ['kind tun', 'link_type none', 'flag POINTOPOINT'] });
    expect(classifyLink(wireguard).isTunnel).toBe(true);
  });

  it('sees a tun without carrier as down', () => {
    const link = classifyLink(deadTun);

    expect(link.isTunnel).toBe(true);
    expect(link.carrierUp).toBe(false);
  });

  it('does not trust a VPN-like name', () => {
    expect(classifyLink(veth).isTunnel).toBe(false);
    expect(classifyLink({ ...ethernet, name: 'tun9' }).isTunnel).toBe(false);
  });
});

describe('VPN decision', () => {
  it('is unknown without internal subnets', () => {
    const outcome = decideVpn({ routes: [], hintedAdapters: [] }, { internalSubnets: [], adapterHints: [] });

    expect(outcome.verdict).toBe('unknown');
    expect(outcome.summary.id).toContain('hubungi TI');
    expect(outcome.remediation.length).toBeGreaterThan(0);
  });

  it('passes a split tunnel carrying the agency subnet', () => {
    const outcome = decideVpn({ routes: [routed('10.77.0.0/16', liveTun)], hintedAdapters: [] }, agency);

    expect(outcome.verdict).toBe('pass');
    expect(outcome.summary.en).toContain('tun0');
    expect(outcome.policy).toEqual({ internalSubnets: ['10.77.0.0/16'], adapterHints: ['forti'], probe: null });
  });

  it('passes a full tunnel over every subnet', () => {
    const policy: VpnPolicy = { internalSubnets: ['10.77.0.0/16', '172.20.0.0/14'], adapterHints: [] };

    const outcome = decideVpn({ routes: [routed('10.77.0.0/16', wireguard), routed('172.20.0.0/14', wireguard)], hintedAdapters: [] }, policy);

    expect(outcome.verdict).toBe('pass');
  });

  it('fails with adapter present but disconnected', () => {
    const outcome = decideVpn({ routes: [routed('10.77.0.0/16', ethernet)], hintedAdapters: ['fortissl0'] }, agency);

    expect(outcome.verdict).toBe('fail');
    expect(outcome.evidence.adapterNote).toEqual({
      id: 'Adaptor fortissl0 terpasang, tetapi lalu lintas ke 10.77.0.0/16 tidak melewatinya.',
      en: 'Adapter fortissl0 is present but traffic to 10.77.0.0/16 does not go through it.',
    });
    const [route] = outcome.evidence.routes as Record<string, unknown>[];
    expect(route!.finding).toBe('not-a-tunnel');
    expect(route!.device).toBe('eth0');
  });

  it('fails a tunnel whose carrier is gone', () => {
    const outcome = decideVpn({ routes: [routed('10.77.0.0/16', deadTun)], hintedAdapters: [] }, agency);

    expect(outcome.verdict).toBe('fail');
    const [route] = outcome.evidence.routes as Record<string, unknown>[];
    expect(route!.finding).toBe('tunnel-down');
  });

  it('fails when one subnet has no route', () => {
    const policy: VpnPolicy = { internalSubnets: ['10.77.0.0/16', '10.88.0.0/16'], adapterHints: [] };

    const outcome = decideVpn({ routes: [routed('10.77.0.0/16', liveTun), unrouted('10.88.0.0/16')], hintedAdapters: [] }, policy);

    expect(outcome.verdict).toBe('fail');
    expect(outcome.summary.en).toContain('10.88.0.0/16');
    expect(outcome.summary.en).not.toContain('10.77.0.0/16');
    expect(outcome.evidence.adapterNote).toBeUndefined();
    const routes = outcome.evidence.routes as Record<string, unknown>[];
    expect(routes.map((route) => route.finding)).toEqual(['through-tunnel', 'no-route']);
    expect(routes[1]!.noRouteReason).toBe('RTNETLINK answers: Network is unreachable');
  });
});
