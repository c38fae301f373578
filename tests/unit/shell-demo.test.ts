// Demo mode: when it applies, the marker that recognises a demo enrollment, and the real reference
// server started on loopback.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import {
  CENTRAL_URL_ENV,
  decideDemoMode,
  demoPort,
  readDemoMarker,
  startDemoCentral,
  writeDemoMarker,
  type DemoDecisionInput,
} from '../../electron/main/demo';

const logger = createLogger(silentSink, 'demo');

const fromSource: DemoDecisionInput = { isPackaged: false, env: {}, enrolledCentralUrl: null, previousDemoUrl: null };

describe('decideDemoMode', () => {
  it('starts demo mode from source when not enrolled', () => {
    expect(decideDemoMode(fromSource)).toEqual({ demo: true });
  });

  it('never runs demo mode in a packaged build', () => {
    const decision = decideDemoMode({ ...fromSource, isPackaged: true });

    expect(decision.demo).toBe(false);
  });

  it('stays off when the environment names a central system', () => {
    const decision = decideDemoMode({ ...fromSource, env: { [CENTRAL_URL_ENV]: 'http://127.0.0.1:8080' } });

    expect(decision).toEqual({ demo: false, reason: `${CENTRAL_URL_ENV} names a central system` });
  });

  it('keeps a real enrollment', () => {
    const decision = decideDemoMode({ ...fromSource, enrolledCentralUrl: 'http://127.0.0.1:8080', previousDemoUrl: 'http://127.0.0.1:41234' });

    expect(decision.demo).toBe(false);
  });

  it('restarts demo mode over its own enrollment', () => {
    const decision = decideDemoMode({ ...fromSource, enrolledCentralUrl: 'http://127.0.0.1:41234', previousDemoUrl: 'http://127.0.0.1:41234' });

    expect(decision).toEqual({ demo: true });
  });
});

describe('demo marker and server', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'shell-demo-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads back the URL it wrote', () => {
    expect(readDemoMarker(dataDir, logger)).toBeNull();

    writeDemoMarker(dataDir, 'http://127.0.0.1:41234');

    expect(readDemoMarker(dataDir, logger)).toBe('http://127.0.0.1:41234');
  });

  it('ignores a damaged marker', () => {
    const lines: string[] = [];
    writeFileSync(join(dataDir, 'demo-central.json'), '{"centralUrl": ');

    const url = readDemoMarker(dataDir, createLogger({ write: (line) => lines.push(line) }, 'demo'));

    expect(url).toBeNull();
    expect(lines.join('\n')).toContain('Ignoring an unreadable demo marker file');
  });

  it('starts the reference server on loopback', async () => {
    const central = await startDemoCentral(dataDir, logger);
    try {
      expect(central.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const health = await fetch(`${central.url}/v1/health`);
      expect(health.status).toBe(200);

      const enroll = await fetch(`${central.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'DEMO' }),
      });
      expect(enroll.status).toBe(201);
    } finally {
      await central.close();
    }
  });

  it('starts again on the previous port', async () => {
    const first = await startDemoCentral(dataDir, logger);
    const port = demoPort(first.url);
    await first.close();

    const second = await startDemoCentral(dataDir, logger, port);
    try {
      expect(second.url).toBe(first.url);
    } finally {
      await second.close();
    }
  });

  it('takes a free port when the previous one is busy', async () => {
    const first = await startDemoCentral(dataDir, logger);
    try {
      const second = await startDemoCentral(dataDir, logger, demoPort(first.url));
      try {
        expect(second.url).not.toBe(first.url);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});

describe('demoPort', () => {
  it('reads the port of a demo URL', () => {
    expect(demoPort('http://127.0.0.1:41234')).toBe(41234);
  });

  it('returns null without a previous URL', () => {
    expect(demoPort(null)).toBeNull();
  });

  it('returns null for an unreadable URL', () => {
    expect(demoPort('not a url')).toBeNull();
  });
});
