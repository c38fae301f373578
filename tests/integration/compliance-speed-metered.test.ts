// The speed check on a metered connection, against the reference speed endpoint on 127.0.0.1: it does
// not measure unless the policy or the user allows it, and it always reports the metered state.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDownload, handleUpload } from '../../central/speed';
import { runSpeedCheck } from '../../electron/core/compliance/speed/speed-check';
import type { MeteredDetector, MeteredState } from '../../electron/core/compliance/speed/metered';
import type { SpeedPolicy } from '../../electron/core/compliance/speed/verdict';
import { createLogger, silentSink } from '../../electron/core/logger';
import { checkResultSchema } from '../../shared/domain';

const policy: SpeedPolicy = { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null };
let server: Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    const address = new URL(request.url ?? '/', 'http://speed.test');
    const handled = address.pathname === '/__down' ? handleDownload(request, response, address) : address.pathname === '/__up' ? handleUpload(request, response) : null;
    if (handled === null) {
      response.writeHead(404).end();
      return;
    }
    // The check stops a transfer early once its verdict is certain, which resets the connection.
    handled.catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Builds a detector that reports `state` for any interface. */
function reports(state: MeteredState): MeteredDetector {
  return async (device) => ({ state, guessed: false, source: 'nmcli', interface: device ?? 'wwan0' });
}

async function check(state: MeteredState, options: { speed?: SpeedPolicy; allowMetered?: boolean } = {}) {
  const result = await runSpeedCheck({
    speed: options.speed ?? policy,
    endpoint: url,
    skip: false,
    now: Date.now,
    logger: createLogger(silentSink),
    allowMetered: options.allowMetered,
    meteredDetector: reports(state),
  });
  return checkResultSchema.parse(result);
}

describe('speed check on a metered connection', () => {
  it('does not measure without permission', async () => {
    const before = requests;

    const result = await check('yes');

    expect(result.verdict).toBe('unknown');
    expect(requests).toBe(before);
    expect(result.evidence.metered).toMatchObject({ state: 'yes', interface: 'wwan0', allowedBy: null });
    expect(result.summary.id).toContain('koneksi terukur');
    expect(result.summary.en).toContain('metered');
    expect(result.remediation.map((step) => step.id).join(' ')).toContain('--allow-metered');
    expect(result.remediation.map((step) => step.en).join(' ')).toContain('Check again');
  });

  it('measures when the policy allows it', async () => {
    const result = await check('yes', { speed: { ...policy, allowMetered: true } });

    expect(result.verdict).toBe('pass');
    expect(result.evidence.metered).toMatchObject({ state: 'yes', allowedBy: 'policy' });
  });

  it('measures when the user asks', async () => {
    const result = await check('yes', { allowMetered: true });

    expect(result.verdict).toBe('pass');
    expect(result.evidence.metered).toMatchObject({ state: 'yes', allowedBy: 'user' });
  });

  it('measures an unmetered connection', async () => {
    const result = await check('no');

    expect(result.verdict).toBe('pass');
    expect(result.evidence.metered).toMatchObject({ state: 'no', allowedBy: null });
  });

  it('measures when the state is unknown', async () => {
    const result = await check('unknown');

    expect(result.verdict).toBe('pass');
    expect(result.evidence.metered).toMatchObject({ state: 'unknown' });
  });
});
