// C15: three offline check-ins and check-outs; the process that made them is frozen (SIGSTOP) and a
// second launch starts. Every action the first process confirmed is committed and visible to the
// second one, and its delivery attempt times out instead of blocking.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentralClient } from '../../electron/core/central/client';
import { createLogger, silentSink } from '../../electron/core/logger';
import { Outbox } from '../../electron/core/outbox/outbox';
import { OutboxSender } from '../../electron/core/outbox/sender';
import { openDatabase } from '../../electron/core/storage/database';

let dataDir: string;
let child: ChildProcess | null;
let hanging: Server | null;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-c15-'));
  child = null;
  hanging = null;
});

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
  if (hanging) {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging!.close(resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('C15: frozen first launch, second launch', () => {
  it('finds every confirmed action committed, and times out on a server that never answers', async () => {
    const script = join(import.meta.dirname, '..', 'harness', 'c15-actions.ts');
    const first = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child = first;
    const confirmations: string[] = [];
    await new Promise<void>((resolve, reject) => {
      first.stdout!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          if (line.startsWith('confirmed')) confirmations.push(line);
          if (line === 'frozen-ready') resolve();
        }
      });
      first.once('exit', (code) => reject(new Error(`The first launch exited early with code ${code}.`)));
    });
    first.kill('SIGSTOP');

    // The second launch opens the same data folder while the first is frozen.
    const db = openDatabase(dataDir);
    try {
      const sessions = db.prepare('SELECT COUNT(*) FROM work_sessions WHERE ended_at IS NOT NULL').pluck().get();
      const queued = db.prepare(`SELECT type FROM outbox_events WHERE state = 'queued' ORDER BY seq`).pluck().all();
      expect(confirmations).toHaveLength(6);
      expect(sessions).toBe(3);
      expect(queued).toEqual(Array.from({ length: 3 }, () => ['attendance.check_in', 'attendance.check_out']).flat());

      hanging = createServer((req) => req.resume());
      await new Promise<void>((resolve) => hanging!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
      const sender = new OutboxSender({
        outbox: new Outbox(db, Date.now),
        client: async () => new CentralClient({ baseUrl: url, token: 'token', timeoutMs: 300 }),
        now: Date.now,
        logger: createLogger(silentSink),
      });

      const started = performance.now();
      const result = await sender.flush();
      expect(performance.now() - started).toBeLessThan(3000);
      expect(result.stoppedBecause?.en).toContain('did not respond in time');
      expect(db.prepare(`SELECT COUNT(*) FROM outbox_events WHERE state = 'queued'`).pluck().get()).toBe(6);
    } finally {
      db.close();
    }
  });
});
