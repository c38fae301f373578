// The real speed check on veth links shaped with `tc qdisc tbf`, in a "client" network namespace,
// against the reference speed endpoint in a "server" namespace, with iperf3 on the same link as the
// reference (case C31).
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema } from '../../shared/domain';
import { ShapedLink } from '../harness/shaped-link';

type DirectionEvidence = { bytes: number; durationMs: number; stopReason: string };

const canRun = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/iperf3');
const linkRate = { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null };

describe.runIf(canRun)('speed check on tbf-shaped links', () => {
  let link: ShapedLink | undefined;

  beforeAll(async () => {
    link = await ShapedLink.create(10, 10);
  }, 60_000);

  afterAll(async () => {
    await link?.delete();
  });

  it('reads a 10 Mbps link like iperf3 and judges it by the stated meaning', async () => {
    const result = checkResultSchema.parse(await link!.speedCheck(linkRate));
    const iperfDown = await link!.iperf3('download', 3);
    const iperfUp = await link!.iperf3('upload', 3);

    const down = result.evidence.downloadMbps as number;
    const up = result.evidence.uploadMbps as number;
    expect(down / iperfDown.mbps).toBeGreaterThan(0.97);
    expect(down / iperfDown.mbps).toBeLessThan(1.03);
    expect(up / iperfUp.mbps).toBeGreaterThan(0.97);
    expect(up / iperfUp.mbps).toBeLessThan(1.03);
    // Goodput stays under 10 (tbf counts Ethernet headers), the link-rate estimate reaches it.
    expect(down).toBeLessThan(10);
    expect(result.evidence.downloadLinkRateMbps as number).toBeGreaterThanOrEqual(10);
    expect(result.evidence.comparedFigure).toBe('downloadLinkRateMbps/uploadLinkRateMbps');
    expect(result.verdict).toBe('pass');
    expect((result.evidence.download as DirectionEvidence).durationMs).toBeLessThanOrEqual(10_100);
    const traffic = result.evidence.backgroundTraffic as { interface: string; download: { heavy: boolean }; upload: { heavy: boolean } };
    expect(traffic.interface).toBe('c0');
    expect([traffic.download.heavy, traffic.upload.heavy]).toEqual([false, false]);
  }, 60_000);

  it('fails 50 down / 5 up on upload, stopping the download early', async () => {
    await link!.shape(50, 5);

    const result = checkResultSchema.parse(await link!.speedCheck(linkRate));

    expect(result.verdict).toBe('fail');
    expect(result.summary.id).toContain('unggah');
    expect(result.summary.id).not.toContain('unduh');
    const download = result.evidence.download as DirectionEvidence;
    expect(download.stopReason).toBe('certain-pass');
    expect(download.durationMs).toBeLessThan(4_000);
    expect(download.bytes).toBeLessThan(32 * 1024 * 1024);
    expect(result.evidence.uploadMbps as number).toBeGreaterThan(5 * 0.9);
    expect(result.evidence.uploadMbps as number).toBeLessThan(5);
  }, 60_000);

  it('fails 5 down / 50 up on download', async () => {
    await link!.shape(5, 50);

    const result = checkResultSchema.parse(await link!.speedCheck(linkRate));

    expect(result.verdict).toBe('fail');
    expect(result.summary.en).toContain('download');
    expect(result.summary.en).not.toContain('upload');
    expect(result.evidence.downloadMbps as number).toBeGreaterThan(5 * 0.9);
    expect((result.evidence.upload as DirectionEvidence).stopReason).toBe('certain-pass');
  }, 60_000);

  it('answers unknown, test again, under heavy background traffic', async () => {
    await link!.shape(10, 10);

    // The other download starts once the test's connections are open: a full tbf queue drops SYN-ACKs,
    // so a test that starts on a saturated link may not connect at all (that is an `error`, tested elsewhere).
    const running = link!.speedCheck({ ...linkRate, minUploadMbps: 1 });
    await sleep(1_500);
    const background = link!.backgroundDownload(10);
    const result = checkResultSchema.parse(await running);
    background.kill('SIGTERM');

    expect(result.verdict, JSON.stringify(result.evidence)).toBe('unknown');
    expect(result.summary.en).toContain('test again');
    const traffic = result.evidence.backgroundTraffic as { download: { heavy: boolean; extraBytes: number; testBytes: number } };
    expect(traffic.download.heavy).toBe(true);
    expect(traffic.download.extraBytes).toBeGreaterThan(traffic.download.testBytes * 0.05);
  }, 60_000);
});
