// Speed-test accuracy and cost on links shaped with tc tbf to 5, 10 and 50 Mbps, measured with the
// product's speed check and with iperf3 on the same link in the same run. Needs root (network
// namespaces) and iperf3; the product runs in the "client" namespace, the endpoint in the "server" one.
import { existsSync } from 'node:fs';
import { ShapedLink } from '../tests/harness/shaped-link';

const RATES_MBPS = [5, 10, 50];
const IPERF_SECONDS = 5;
/** The article policy's threshold; at 50 Mbps the early stop must end each direction in under 4 s. */
const policy = { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null };

interface LinkFigure {
  mbps: number;
  dir: 'down' | 'up';
  product: number;
  iperf3: number;
  ratio: number;
  seconds: number;
  bytes: number;
  stop: string;
}

type DirectionEvidence = { bytes: number; durationMs: number; stopReason: string };

export async function benchSpeed(): Promise<void> {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/iperf3')) {
    console.log(JSON.stringify({ bench: 'speed', skipped: 'needs root (network namespaces, tc) and iperf3 (apt-get install iperf3)' }));
    return;
  }

  const links: LinkFigure[] = [];
  const link = await ShapedLink.create(RATES_MBPS[0]!, RATES_MBPS[0]!);
  try {
    for (const mbps of RATES_MBPS) {
      await link.shape(mbps, mbps);
      const result = await link.speedCheck(policy);
      const evidence = result.evidence as Record<string, unknown>;
      if (result.verdict === 'error') throw new Error(`The speed check broke on the ${mbps} Mbps link: ${String(evidence.error)}`);

      // iperf3 leaves out its first second (TCP slow start), as the product leaves out its ramp-up.
      const iperfDown = await link.iperf3('download', IPERF_SECONDS, 1);
      const iperfUp = await link.iperf3('upload', IPERF_SECONDS, 1);
      links.push(figure(mbps, 'down', evidence.downloadMbps as number, evidence.download as DirectionEvidence, iperfDown.mbps));
      links.push(figure(mbps, 'up', evidence.uploadMbps as number, evidence.upload as DirectionEvidence, iperfUp.mbps));
    }
  } finally {
    await link.delete();
  }

  const fast = links.filter((entry) => entry.mbps === 50);
  const rows = links.map((entry) => ({
    link: `${entry.mbps} Mbps ${entry.dir}`,
    product: entry.product,
    iperf3: entry.iperf3,
    ratio: entry.ratio,
    seconds: entry.seconds,
    MB: Number((entry.bytes / 1e6).toFixed(1)),
    stop: entry.stop,
    'ratio in 0.97–1.03': entry.ratio >= 0.97 && entry.ratio <= 1.03,
    'under 10 s': entry.seconds <= 10.1,
  }));
  console.log('\n## speed test on tbf-shaped links (threshold 10 Mbps link rate)');
  console.table(rows);
  console.log(`early stop at 50 Mbps under 4 s: ${fast.every((entry) => entry.seconds < 4)}`);
  console.log(JSON.stringify({ bench: 'speed', links: links.map(({ stop: _stop, ...entry }) => entry) }));
}

function figure(mbps: number, dir: 'down' | 'up', product: number, evidence: DirectionEvidence, iperf3: number): LinkFigure {
  return {
    mbps,
    dir,
    product: round(product, 2),
    iperf3: round(iperf3, 2),
    ratio: round(product / iperf3, 3),
    seconds: round(evidence.durationMs / 1000, 1),
    bytes: evidence.bytes,
    stop: evidence.stopReason,
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
