// A VPN lab of two network namespaces: the "workstation", where the product runs, and the "agency",
// reached over a veth link that stands for the home internet. OpenVPN in static-key point-to-point
// mode (--dev tun) connects them; the agency side holds the internal hosts 10.77.0.10 (HTTPS with the
// agency certificate) and 10.77.0.11 (HTTPS with another certificate). Nothing touches the host's
// own interfaces; delete() removes both namespaces and every process.
import { execFile, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { NetworkNamespace } from './netns';

const execFileAsync = promisify(execFile);
const probeHostScript = new URL('./https-probe-host.ts', import.meta.url).pathname;

export const LAN = { workstation: '192.168.77.2', agency: '192.168.77.1', prefix: 24 };
export const TUNNEL = { workstation: '10.8.0.2', agency: '10.8.0.1' };
export const INTERNAL = { subnet: '10.77.0.0/16', agencyHost: '10.77.0.10', impostorHost: '10.77.0.11' };
/** Name of the agency VPN client's adapter; it stays installed while the client is disconnected. */
export const AGENCY_ADAPTER = 'agencyvpn0';

export interface Certificate {
  certificateFile: string;
  keyFile: string;
  sha256: string;
}

export class VpnLab {
  private server: ChildProcess | null = null;
  private client: ChildProcess | null = null;

  private constructor(
    readonly workstation: NetworkNamespace,
    readonly agency: NetworkNamespace,
    readonly folder: string,
    readonly agencyCertificate: Certificate,
    readonly impostorCertificate: Certificate,
  ) {}

  static async create(): Promise<VpnLab> {
    const folder = mkdtempSync(path.join(tmpdir(), 'asnc-vpn-'));
    const workstation = await NetworkNamespace.create('asnc-ws');
    const agency = await NetworkNamespace.create('asnc-ag').catch(async (error: unknown) => {
      await workstation.delete();
      throw error;
    });

    try {
      await execFileAsync('openvpn', ['--genkey', 'secret', path.join(folder, 'static.key')]);
      const agencyCertificate = await makeCertificate(folder, 'agency', 'intranet.agency.test');
      const impostorCertificate = await makeCertificate(folder, 'impostor', 'intranet.agency.test');
      const lab = new VpnLab(workstation, agency, folder, agencyCertificate, impostorCertificate);
      await lab.buildLinks();
      await lab.startProbeHosts();
      return lab;
    } catch (error) {
      await Promise.allSettled([workstation.delete(), agency.delete()]);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Starts the agency's OpenVPN end and waits until it listens. */
  async startServer(): Promise<void> {
    this.server = this.agency.spawn('openvpn', [...this.commonArgs('tun0', TUNNEL.agency, TUNNEL.workstation), '--local', LAN.agency, '--lport', '1194']);
    await waitForLine(this.server, /UDPv4 link local/, 'agency OpenVPN');
  }

  /** Ends the agency's OpenVPN end, as when the far end dies; the workstation's client keeps running. */
  async killServer(): Promise<void> {
    await stop(this.server);
    this.server = null;
  }

  /** Starts the workstation's OpenVPN client on the agency adapter and waits until the tunnel is up. */
  async connectClient(): Promise<void> {
    this.client = this.workstation.spawn('openvpn', [
      ...this.commonArgs(AGENCY_ADAPTER, TUNNEL.workstation, TUNNEL.agency),
      '--remote', LAN.agency, '1194', '--nobind',
    ]);
    await waitForLine(this.client, /Initialization Sequence Completed/, 'workstation OpenVPN');
  }

  /** Ends the workstation's client; the adapter stays installed (persistent) without a carrier. */
  async disconnectClient(): Promise<void> {
    await stop(this.client);
    this.client = null;
  }

  async delete(): Promise<void> {
    await Promise.allSettled([stop(this.client), stop(this.server)]);
    await Promise.allSettled([this.workstation.delete(), this.agency.delete()]);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private commonArgs(device: string, local: string, remote: string): string[] {
    return [
      '--dev', device, '--dev-type', 'tun', '--ifconfig', local, remote,
      '--secret', path.join(this.folder, 'static.key'), '--cipher', 'AES-256-CBC',
      '--proto', 'udp', '--ping', '1', '--verb', '3',
    ];
  }

  private async buildLinks(): Promise<void> {
    await this.workstation.ip('link', 'add', 'lan0', 'netns', this.workstation.name, 'type', 'veth', 'peer', 'name', 'lan1', 'netns', this.agency.name);
    await this.workstation.ip('addr', 'add', `${LAN.workstation}/${LAN.prefix}`, 'dev', 'lan0');
    await this.workstation.ip('link', 'set', 'lan0', 'up');
    await this.workstation.ip('route', 'add', 'default', 'via', LAN.agency);
    await this.agency.ip('addr', 'add', `${LAN.agency}/${LAN.prefix}`, 'dev', 'lan1');
    await this.agency.ip('link', 'set', 'lan1', 'up');

    // The agency's internal hosts; the agency answers the workstation's tunnel address through tun0.
    await this.agency.ip('addr', 'add', `${INTERNAL.agencyHost}/32`, 'dev', 'lo');
    await this.agency.ip('addr', 'add', `${INTERNAL.impostorHost}/32`, 'dev', 'lo');

    // The VPN client's adapter, installed once and kept while disconnected, as vendor clients do.
    await this.workstation.ip('tuntap', 'add', 'dev', AGENCY_ADAPTER, 'mode', 'tun');
    await this.workstation.ip('link', 'set', AGENCY_ADAPTER, 'up');
  }

  private async startProbeHosts(): Promise<void> {
    const agencyHost = this.agency.spawn(process.execPath, ['--import', 'tsx', probeHostScript, this.agencyCertificate.certificateFile, this.agencyCertificate.keyFile, INTERNAL.agencyHost]);
    const impostorHost = this.agency.spawn(process.execPath, ['--import', 'tsx', probeHostScript, this.impostorCertificate.certificateFile, this.impostorCertificate.keyFile, INTERNAL.impostorHost]);
    await Promise.all([waitForLine(agencyHost, /^listening$/, 'agency HTTPS host'), waitForLine(impostorHost, /^listening$/, 'impostor HTTPS host')]);
  }
}

async function makeCertificate(folder: string, name: string, commonName: string): Promise<Certificate> {
  const certificateFile = path.join(folder, `${name}.crt`);
  const keyFile = path.join(folder, `${name}.key`);
  await execFileAsync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certificateFile, '-days', '2', '-subj', `/CN=${commonName}`,
  ]);
  return { certificateFile, keyFile, sha256: new X509Certificate(readFileSync(certificateFile)).fingerprint256 };
}

function waitForLine(child: ChildProcess, pattern: RegExp, label: string, timeoutMs = 15_000): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not print ${pattern} within ${timeoutMs} ms; output: ${seen.slice(-2000)}`)), timeoutMs);
    const onLine = (line: string): void => {
      seen += `${line}\n`;
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}; output: ${seen.slice(-2000)}`));
    });
  });
}

function stop(child: ChildProcess | null): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
