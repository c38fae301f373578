// Week and year summaries from one year of dense worktime records: every working day has a long
// session with twenty away intervals of mixed decisions, and one evening session in four.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { WorkCalendar } from '../electron/core/policy/calendar';
import { articleProfile } from '../electron/core/policy/profiles';
import { openDatabase, writeTransaction, type Database } from '../electron/core/storage/database';
import { AttendanceService } from '../electron/core/worktime/attendance';
import type { AwayDecision, AwayReason } from '../electron/core/worktime/records';
import { summarizeYear } from '../electron/core/worktime/summary';
import { addDays, MINUTE, startOfDay, weekStartKey, zonedInstant } from '../electron/core/worktime/zoned-time';

const ZONE = articleProfile.zone;
const decisions: AwayDecision[] = ['keep', 'discard', 'pending', 'keep'];
const reasons: AwayReason[] = ['lock', 'idle', 'sleep', 'gap'];

/** Deterministic pseudo-random numbers, so every run stores the same year. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function insertYear(db: Database, calendar: WorkCalendar): { sessions: number; aways: number } {
  const next = random(2026);
  const insertSession = db.prepare('INSERT INTO work_sessions (id, mode, started_at, ended_at, flags_json) VALUES (?, ?, ?, ?, ?)');
  const insertAway = db.prepare(
    'INSERT INTO away_intervals (id, session_id, started_at, ended_at, reason, decision) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let sessions = 0;
  let aways = 0;

  writeTransaction(db, () => {
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (!calendar.day(date).working) continue;
      const start = zonedInstant(date, '07:45', ZONE) + Math.floor(next() * 30) * MINUTE;
      const end = zonedInstant(date, '16:30', ZONE) + Math.floor(next() * 60) * MINUTE;
      const id = uuidv7({ msecs: start });
      insertSession.run(id, next() < 0.6 ? 'wfh' : 'office', start, end, next() < 0.05 ? '["clock-step"]' : '[]');
      sessions++;

      // Twenty away intervals spread over the session, 6 to 15 minutes each.
      const slot = Math.floor((end - start) / 20);
      for (let index = 0; index < 20; index++) {
        const awayStart = start + index * slot + Math.floor(next() * (slot / 3));
        const awayEnd = awayStart + (6 + Math.floor(next() * 10)) * MINUTE;
        insertAway.run(uuidv7({ msecs: awayStart }), id, awayStart, Math.min(awayEnd, end), reasons[index % 4]!, decisions[Math.floor(next() * 4)]!);
        aways++;
      }

      if (next() < 0.25) {
        const evening = zonedInstant(date, '19:00', ZONE);
        insertSession.run(uuidv7({ msecs: evening }), 'wfh', evening, evening + 90 * MINUTE, '[]');
        sessions++;
      }
    }
  });
  return { sessions, aways };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface WorktimeBenchResult {
  sessions: number;
  aways: number;
  weekMs: number;
  weekMaxMs: number;
  yearMs: number;
  yearMaxMs: number;
  /** The part of yearMs spent reading the rows from SQLite. */
  yearLoadMs: number;
  yearWorkedHours: number;
}

/** Times the week summary (as the home page reads it) and the year summary, both from the database. */
export function runWorktimeBench(runs = 20): WorktimeBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'asnc-bench-worktime-'));
  const db = openDatabase(dir);
  try {
    const calendar = new WorkCalendar(articleProfile);
    const counts = insertYear(db, calendar);
    const now = zonedInstant('2026-12-31', '23:00', ZONE);
    const attendance = new AttendanceService(db, () => articleProfile, () => calendar, () => now);
    const capMs = articleProfile.worktime.weeklyCapMinutes * MINUTE;

    const weekSamples: number[] = [];
    const yearSamples: number[] = [];
    const loadSamples: number[] = [];
    let yearWorked = 0;
    for (let run = 0; run < runs; run++) {
      const date = addDays('2026-01-05', (run * 17) % 350);
      let started = performance.now();
      attendance.week(date);
      weekSamples.push(performance.now() - started);

      started = performance.now();
      const from = startOfDay(weekStartKey('2026-01-01'), ZONE);
      const to = startOfDay(addDays(weekStartKey('2026-12-31'), 7), ZONE);
      const records = attendance.records(from, to);
      loadSamples.push(performance.now() - started);
      const weeks = summarizeYear(records, 2026, capMs);
      yearSamples.push(performance.now() - started);
      yearWorked = weeks.reduce((sum, week) => sum + week.workedMs, 0);
    }

    return {
      ...counts,
      weekMs: median(weekSamples),
      weekMaxMs: Math.max(...weekSamples),
      yearMs: median(yearSamples),
      yearMaxMs: Math.max(...yearSamples),
      yearLoadMs: median(loadSamples),
      yearWorkedHours: yearWorked / (60 * MINUTE),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the table and, as the last line, the JSON object with week_ms and year_ms (medians). */
export function benchWorktime(): void {
  const result = runWorktimeBench();
  const rows = [
    { metric: 'week summary, median of 20', value: result.weekMs, unit: 'ms', target: '< 20 ms', met: result.weekMs < 20 },
    { metric: 'week summary, max of 20', value: result.weekMaxMs, unit: 'ms', target: '', met: true },
    { metric: 'year summary, median of 20', value: result.yearMs, unit: 'ms', target: '< 20 ms', met: result.yearMs < 20 },
    { metric: 'year summary, max of 20', value: result.yearMaxMs, unit: 'ms', target: '', met: true },
    { metric: 'of which reading the rows, median', value: result.yearLoadMs, unit: 'ms', target: '', met: true },
    { metric: 'sessions stored', value: result.sessions, unit: 'count', target: '', met: true },
    { metric: 'away intervals stored', value: result.aways, unit: 'count', target: '', met: true },
  ];
  console.log('\n## worktime: week and year summaries from a dense year');
  console.table(rows.map((row) => ({ ...row, value: Number(row.value.toFixed(3)) })));
  console.log(JSON.stringify({ benchmark: 'worktime', week_ms: result.weekMs, year_ms: result.yearMs, results: rows }));
}
