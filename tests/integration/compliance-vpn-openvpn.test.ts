// The real VPN check inside a "workstation" network namespace connected by OpenVPN (static key,
// --dev tun) to an "agency" namespace, covering case C32: disconnected client with its adapter
// present, split tunnel, full tunnel, wrong certificate, personal VPN with the agency VPN down, and
// an adapter that stays up while the far end is dead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema, type CheckResult } from '../../shared/domain';
import type { Policy } from '../../electron/core/policy/schema';
import { holdTunCarrier, type TunCarrier } from '../harness/netns';
import { AGENCY_ADAPTER, INTERNAL, VpnLab } from '../harness/openvpn';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('../harness/run-vpn-check.ts', import.meta.url));

type RouteEvidence = { subnet: string; finding: string; device: string | null; carrierUp: boolean };
type ProbeEvidence = { outcome: string; presentedSha256: string | null; expectedSha256: string; httpStatus: number | null };

const canRun = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/sbin/openvpn');

describe.runIf(canRun)('VPN check over a real OpenVPN tunnel', () => {
  let lab: VpnLab | undefined;
  let personalVpn: TunCarrier | undefined;

  const agencyPolicy = (overrides: Partial<Policy['vpn']> = {}): Policy['vpn'] => ({
    internalSubnets: [INTERNAL.subnet],
    adapterHints: ['agencyvpn'],
    probe: { url: `https://${INTERNAL.agencyHost}/`, sha256: lab!.agencyCertificate.sha256 },
    ...overrides,
  });

  async function checkInside(...policies: Policy['vpn'][]): Promise<CheckResult[]> {
    const { stdout } = await lab!.workstation.exec(process.execPath, ['--import', 'tsx', script, JSON.stringify(policies)], { cwd: repositoryRoot });
    return (JSON.parse(stdout) as unknown[]).map((result) => checkResultSchema.parse(result));
  }

  const routeOf = (result: CheckResult) => (result.evidence.routes as RouteEvidence[])[0]!;
  const probeOf = (result: CheckResult) => result.evidence.probe as ProbeEvidence | null;

  beforeAll(async () => {
    lab = await VpnLab.create();
    await lab.startServer();
  }, 60_000);

  afterAll(async () => {
    await personalVpn?.release();
    await lab?.delete();
  });

  it('is not connected when the client is installed but disconnected', async () => {
    const [result] = await checkInside(agencyPolicy());

    expect(result!.verdict).toBe('fail');
    expect(routeOf(result!)).toMatchObject({ device: 'lan0', finding: 'not-a-tunnel' });
    expect(result!.evidence.hintedAdapters).toEqual([AGENCY_ADAPTER]);
    expect((result!.evidence.adapterNote as { en: string }).en).toContain(`Adapter ${AGENCY_ADAPTER} is present`);
    expect(probeOf(result!)).toBeNull();
  });

  it('is connected through a split tunnel carrying only the agency subnet', async () => {
    await lab!.connectClient();
    await lab!.workstation.ip('route', 'add', INTERNAL.subnet, 'dev', AGENCY_ADAPTER);

    const [result] = await checkInside(agencyPolicy());

    expect(result!.verdict).toBe('pass');
    expect(routeOf(result!)).toMatchObject({ device: AGENCY_ADAPTER, finding: 'through-tunnel', carrierUp: true });
    expect(probeOf(result!)).toMatchObject({ outcome: 'pinned-match', httpStatus: 204, presentedSha256: lab!.agencyCertificate.sha256 });
    expect(result!.evidence.strongestEvidence).toBe('pinned-https-probe');
  });

  it('is not connected when the probe is answered with the wrong certificate', async () => {
    const [result] = await checkInside(agencyPolicy({ probe: { url: `https://${INTERNAL.impostorHost}/`, sha256: lab!.agencyCertificate.sha256 } }));

    expect(result!.verdict).toBe('fail');
    expect(probeOf(result!)).toMatchObject({ outcome: 'wrong-certificate', presentedSha256: lab!.impostorCertificate.sha256, httpStatus: null });
    expect(result!.summary.id).toContain('sertifikat yang bukan milik instansi');
  });

  it('is connected through a full tunnel (0.0.0.0/1 and 128.0.0.0/1)', async () => {
    await lab!.workstation.ip('route', 'del', INTERNAL.subnet, 'dev', AGENCY_ADAPTER);
    await lab!.workstation.ip('route', 'add', '0.0.0.0/1', 'dev', AGENCY_ADAPTER);
    await lab!.workstation.ip('route', 'add', '128.0.0.0/1', 'dev', AGENCY_ADAPTER);

    const [result] = await checkInside(agencyPolicy());

    expect(result!.verdict).toBe('pass');
    expect(routeOf(result!)).toMatchObject({ device: AGENCY_ADAPTER, finding: 'through-tunnel' });
    expect(probeOf(result!)!.outcome).toBe('pinned-match');
  });

  it('names an internal subnet that overlaps the local LAN', async () => {
    const [result] = await checkInside(agencyPolicy({ internalSubnets: [INTERNAL.subnet, '192.168.0.0/16'] }));

    expect(result!.evidence.lanOverlaps).toEqual([{ internalSubnet: '192.168.0.0/16', lanSubnet: '192.168.77.0/24', device: 'lan0' }]);
    expect((result!.evidence.lanOverlapNote as { en: string }).en).toContain('192.168.0.0/16 and 192.168.77.0/24 (lan0)');
    // The address asked about (192.168.0.1) lies outside the home LAN, so it goes through the full
    // tunnel and the check passes; the note tells IT that agency hosts in 192.168.77.0/24 are shadowed.
    expect(result!.verdict).toBe('pass');
  });

  it('is not connected with a personal VPN while the agency VPN is down', async () => {
    await lab!.disconnectClient();
    await lab!.workstation.ip('tuntap', 'add', 'dev', 'personal0', 'mode', 'tun');
    await lab!.workstation.ip('link', 'set', 'personal0', 'up');
    personalVpn = await holdTunCarrier(lab!.workstation, 'personal0');
    await lab!.workstation.ip('route', 'replace', '0.0.0.0/1', 'dev', 'personal0');
    await lab!.workstation.ip('route', 'replace', '128.0.0.0/1', 'dev', 'personal0');

    const [withProbe, routesOnly] = await checkInside(agencyPolicy(), agencyPolicy({ probe: undefined }));

    expect(withProbe!.verdict).toBe('fail');
    expect(routeOf(withProbe!)).toMatchObject({ device: 'personal0', finding: 'through-tunnel' });
    expect(probeOf(withProbe!)!.outcome).toBe('timeout');
    expect(withProbe!.summary.en).toContain('does not answer');
    // Routes alone cannot tell a personal full tunnel from the agency's; that is why the probe exists.
    expect(routesOnly!.verdict).toBe('pass');
    expect(routesOnly!.evidence.strongestEvidence).toBe('route-through-tunnel');

    await personalVpn.release();
    await lab!.workstation.ip('route', 'del', '0.0.0.0/1');
    await lab!.workstation.ip('route', 'del', '128.0.0.0/1');
  });

  it('is not connected when the adapter is up but the far end is dead', async () => {
    await lab!.connectClient();
    await lab!.workstation.ip('route', 'replace', INTERNAL.subnet, 'dev', AGENCY_ADAPTER);
    expect((await checkInside(agencyPolicy()))[0]!.verdict).toBe('pass');

    await lab!.killServer();
    const [result] = await checkInside(agencyPolicy());

    expect(result!.verdict).toBe('fail');
    expect(routeOf(result!)).toMatchObject({ device: AGENCY_ADAPTER, finding: 'through-tunnel', carrierUp: true });
    expect(probeOf(result!)!.outcome).toBe('timeout');
  });
});
