// A daily report draft survives `kill -9` between keystrokes: a child process autosaves drafts in a
// loop, the test kills it with SIGKILL, reopens the database and finds the last acknowledged autosave.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DailyReportRepository } from '../../electron/core/reports/daily-repository';
import { openDatabase } from '../../electron/core/storage/database';
import { draftAt } from '../harness/reports-draft';
import { seededRandom } from '../harness/seeded-random';

const CHILD = join(import.meta.dirname, '..', 'harness', 'reports-draft-child.ts');
const DATE = '2026-07-07'; // a Tuesday
const NOW = Date.parse('2026-07-07T07:00:00Z'); // 14:00 WIB that day
const KILLS = 5;

let dataDir: string;
let children: ChildProcess[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-reports-crash-'));
  children = [];
});

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the typing process and resolves once it acknowledged `saves` autosaves. */
function startTyping(saves: number): { child: ChildProcess; acknowledged: () => number; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, DATE, String(NOW)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let last = -1;
  let stderr = '';
  let resolveReady: () => void = () => {};
  let rejectReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      const match = /^saved (\d+)$/.exec(line);
      if (match) last = Number(match[1]);
      if (last + 1 >= saves) resolveReady();
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    if (last + 1 < saves) rejectReady(new Error(`The typing process exited after ${last + 1} saves: ${stderr}`));
  });
  return { child, acknowledged: () => last, ready, exited };
}

describe('draft crash', () => {
  it('keeps last acknowledged autosave after SIGKILL', async () => {
    const random = seededRandom(7);

    for (let kill = 0; kill < KILLS; kill++) {
      const typing = startTyping(20);
      await typing.ready;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 25)));
      typing.child.kill('SIGKILL');
      await typing.exited;
      const acknowledged = typing.acknowledged();

      const db = openDatabase(dataDir);
      try {
        const stored = new DailyReportRepository(db).get(DATE);
        expect(stored).not.toBeNull();
        // The save after the last acknowledged one may have committed before the kill; nothing older may show.
        const keystroke = Number(/ketikan (\d+)$/.exec(stored!.activities[0]!.description)![1]);
        expect([acknowledged, acknowledged + 1]).toContain(keystroke);
        const expected = draftAt(keystroke);
        expect(stored!.obstacles).toBe(expected.obstacles);
        expect(stored!.plan).toBe(expected.plan);
        expect(stored!.activities[0]!.output).toBe(expected.activities[0]!.output);
        expect(stored!.activities[0]!.hours).toBe(expected.activities[0]!.hours);
        expect(stored!.state).toBe('draft');
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
