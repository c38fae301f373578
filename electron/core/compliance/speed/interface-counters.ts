// Byte counters of the network interface that carries the speed test, to tell the test's own traffic
// from other traffic on the same link (a download, a video call, a backup). Read from
// /sys/class/net on Linux; elsewhere, or on loopback, the counters are not read and the evidence says so.
import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import os from 'node:os';

export interface InterfaceCounters {
  rxBytes: number;
  txBytes: number;
}

/** Bytes on the wire per payload byte: 1514-byte Ethernet frames carry 1448 bytes of TCP payload. */
export const HEADER_OVERHEAD = 1514 / 1448;
/**
 * Share of other traffic, beyond the test's payload and its headers, above which the link was busy.
 * Small on purpose: a test that misses the threshold is only trusted when it had the link to itself.
 */
export const BACKGROUND_SHARE = 0.05;
/** Extra bytes always tolerated, for the odd DNS lookup or keep-alive. */
export const BACKGROUND_ALLOWANCE_BYTES = 256 * 1024;

/** Finds the interface the OS would use to reach `host` (a UDP connect sends no packet); null when unknown. */
export async function interfaceTowards(host: string, port: number): Promise<string | null> {
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, host, () => resolve());
    });
    const local = socket.address().address;
    for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
      if (addresses?.some((address) => address.address === local && !address.internal)) return name;
    }
    return null;
  } catch {
    return null;
  } finally {
    socket.close();
  }
}

/** Reads the interface's byte counters; null where the platform does not expose them. */
export async function readCounters(device: string): Promise<InterfaceCounters | null> {
  if (process.platform !== 'linux') return null;
  try {
    const [rx, tx] = await Promise.all([
      readFile(`/sys/class/net/${device}/statistics/rx_bytes`, 'utf8'),
      readFile(`/sys/class/net/${device}/statistics/tx_bytes`, 'utf8'),
    ]);
    return { rxBytes: Number(rx), txBytes: Number(tx) };
  } catch {
    return null;
  }
}

export interface BackgroundTraffic {
  /** Bytes the interface moved in the test's direction while it ran. */
  interfaceBytes: number;
  testBytes: number;
  extraBytes: number;
  heavy: boolean;
}

/** Compares the interface's bytes in the test's direction with the test's own payload. */
export function backgroundTraffic(interfaceBytes: number, testBytes: number): BackgroundTraffic {
  const extraBytes = Math.max(0, Math.round(interfaceBytes - testBytes * HEADER_OVERHEAD));
  return { interfaceBytes, testBytes, extraBytes, heavy: extraBytes > testBytes * BACKGROUND_SHARE + BACKGROUND_ALLOWANCE_BYTES };
}
