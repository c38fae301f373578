// The speed check against HTTP servers on 127.0.0.1 that behave like slower links (traffic paced to
// a fixed rate), like broken endpoints, or like a silent one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { checkResultSchema, type CheckResult } from '../../shared/domain';
import { defaultSpeedTestLimits, runSpeedCheck, type SpeedTestLimits } from '../../electron/core/compliance/speed/speed-check';
import type { SpeedPolicy } from '../../electron/core/compliance/speed/verdict';
import { createLogger, silentSink } from '../../electron/core/logger';

const policy: SpeedPolicy = { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null };
const servers: Server[] = [];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts a speed endpoint whose downloads and uploads together share `mbps`, like a shaped link. */
function pacedEndpoint(mbps: number): Promise<{ server: Server; url: string }> {
  // Downloads go out in pieces of about 5 ms at the paced rate, so 100 ms samples are not lumpy.
  const chunk = Buffer.alloc(Math.max(1024, Math.round((mbps * 1_000_000 * 0.005) / 8)));
  let nextSlot = performance.now();
  const waitForSlot = async (bytes: number): Promise<void> => {
    const now = performance.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + (bytes * 8) / (mbps * 1000);
    if (at > now) await sleep(at - now);
  };

  return listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__down') {
      let remaining = Number(url.searchParams.get('bytes'));
      res.writeHead(200, { 'content-length': remaining });
      void (async () => {
        while (remaining > 0 && !res.destroyed) {
          const size = Math.min(remaining, chunk.length);
          await waitForSlot(size);
          res.write(chunk.subarray(0, size));
          remaining -= size;
        }
        res.end();
      })();
      return;
    }
    req.on('data', (data: Buffer) => {
      req.pause();
      void waitForSlot(data.length).then(() => req.resume());
    });
    req.on('end', () => res.end('{}'));
  });
}

async function connectionsOf(server: Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

function speedCheck(endpoint: string | null, options: { limits?: SpeedTestLimits; signal?: AbortSignal; speed?: SpeedPolicy } = {}): Promise<CheckResult> {
  return runSpeedCheck({
    speed: options.speed ?? policy,
    endpoint,
    skip: false,
    now: Date.now,
    logger: createLogger(silentSink),
    limits: options.limits,
    signal: options.signal,
  });
}

type DirectionEvidence = { bytes: number; durationMs: number; statistic: string; stopReason: string };

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
});

describe('speed check on paced loopback links', () => {
  it('passes early at 40 Mbps', async () => {
    const { url } = await pacedEndpoint(40);

    const result = checkResultSchema.parse(await speedCheck(url));

    expect(result.verdict).toBe('pass');
    const download = result.evidence.download as DirectionEvidence;
    const upload = result.evidence.upload as DirectionEvidence;
    expect(download.statistic).toBe('median-of-steady-windows');
    expect(download.stopReason).toBe('certain-pass');
    expect(upload.stopReason).toBe('certain-pass');
    expect(result.evidence.downloadMbps).toBeGreaterThan(40 * 0.9);
    expect(result.evidence.downloadMbps).toBeLessThan(40 * 1.1);
    expect(result.evidence.uploadMbps).toBeGreaterThan(40 * 0.9);
    expect(result.evidence.uploadMbps).toBeLessThan(40 * 1.1);
    expect(download.durationMs).toBeLessThan(3_000);
    expect(upload.durationMs).toBeLessThan(3_000);
    expect(result.evidence.downloadLinkRateMbps).toBeCloseTo((result.evidence.downloadMbps as number) / 0.94, 1);
    // 40 Mbps over 4 streams is 10 Mbps each, below the 25 Mbps at which streams are added.
    expect(result.evidence.streams).toBe(4);
  });

  it('adds streams on a fast link', async () => {
    const { url } = await pacedEndpoint(200);

    const result = checkResultSchema.parse(await speedCheck(url));

    // 200 Mbps over 4 streams is 50 Mbps each, above the 25 Mbps at which streams are added.
    expect(result.verdict).toBe('pass');
    expect(result.evidence.streams).toBe(8);
  });

  it('fails early at 2 Mbps, naming both directions', async () => {
    const { url } = await pacedEndpoint(2);

    const result = checkResultSchema.parse(await speedCheck(url));

    expect(result.verdict).toBe('fail');
    expect((result.evidence.download as DirectionEvidence).stopReason).toBe('certain-fail');
    expect((result.evidence.upload as DirectionEvidence).stopReason).toBe('certain-fail');
    expect(result.evidence.downloadMbps).toBeGreaterThan(2 * 0.85);
    expect(result.evidence.downloadMbps).toBeLessThan(2 * 1.15);
    expect(result.summary.id).toContain('unduh');
    expect(result.summary.id).toContain('unggah');
    expect(result.remediation.length).toBeGreaterThan(0);
  });

  it('stops within the time cap', async () => {
    const { url } = await pacedEndpoint(20);
    const limits: SpeedTestLimits = { ...defaultSpeedTestLimits, maxDurationMs: 1_500 };

    const result = await speedCheck(url, { limits });

    const download = result.evidence.download as DirectionEvidence;
    expect(download.stopReason).toBe('time-cap');
    expect(download.durationMs).toBeGreaterThanOrEqual(1_500);
    expect(download.durationMs).toBeLessThan(1_800);
    expect(result.verdict).toBe('pass');
  });

  it('is unknown when stopped from outside', async () => {
    const { url } = await pacedEndpoint(2);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 800);
    const started = performance.now();

    const result = await speedCheck(url, { signal: controller.signal });

    expect(result.verdict).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('speed check connections', () => {
  it('closes every connection after the run', async () => {
    const block = Buffer.alloc(64 * 1024);
    // Unpaced, so the server reads each client's end of stream at once instead of draining buffers first.
    const { server, url } = await listen((req, res) => {
      const requested = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (requested.pathname === '/__up') {
        req.resume();
        req.on('end', () => res.end('{}'));
        return;
      }
      let remaining = Number(requested.searchParams.get('bytes'));
      res.writeHead(200, { 'content-length': remaining });
      const pump = (): void => {
        while (remaining > 0) {
          const size = Math.min(remaining, block.length);
          remaining -= size;
          if (!res.write(block.subarray(0, size))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });

    const result = await speedCheck(url);
    await sleep(200);

    expect(result.verdict).toBe('pass');
    expect(await connectionsOf(server)).toBe(0);
  });
});

describe('speed check on broken endpoints', () => {
  it('reports HTTP 500 as error', async () => {
    const { server, url } = await listen((_req, res) => {
      res.writeHead(500);
      res.end();
    });

    const result = checkResultSchema.parse(await speedCheck(url));
    await sleep(200);

    expect(result.verdict).toBe('error');
    expect(result.evidence.error).toContain('HTTP 500');
    // The completed request returned its kept-alive socket to the pool, so only closing the endpoint ends it.
    expect(await connectionsOf(server)).toBe(0);
  });

  it('reports a silent endpoint as timed out', async () => {
    const { url } = await listen(() => {});
    const limits: SpeedTestLimits = { ...defaultSpeedTestLimits, idleTimeoutMs: 300 };

    const result = await speedCheck(url, { limits });

    expect(result.verdict).toBe('error');
    expect(result.evidence.error).toContain('timed out');
  });

  it('reports an invalid URL as error', async () => {
    const result = await speedCheck('speedtest.agency');

    expect(result.verdict).toBe('error');
    expect(result.evidence.error).toContain('"speedtest.agency" is not a valid URL');
  });

  it('is unknown when skipped or not configured', async () => {
    const skipped = await runSpeedCheck({ speed: policy, endpoint: null, skip: true, now: Date.now, logger: createLogger(silentSink) });
    const unconfigured = await speedCheck(null);

    expect(skipped.verdict).toBe('unknown');
    expect(skipped.evidence).toEqual({ skipped: true });
    expect(unconfigured.verdict).toBe('unknown');
    expect(unconfigured.remediation.map((step) => step.en).join(' ')).toContain('--speed-endpoint');
  });
});
