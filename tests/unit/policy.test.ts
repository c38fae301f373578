import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import { policySchema, type Policy } from '../../electron/core/policy/schema';
import { PolicyStore, PolicyValidationError } from '../../electron/core/policy/store';
import { openDatabase, type Database } from '../../electron/core/storage/database';
import { addDays } from '../../electron/core/worktime/zoned-time';

function workingMinutes(day: { start: string; end: string; breakMinutes: number }): number {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return toMinutes(day.end) - toMinutes(day.start) - day.breakMinutes;
}

describe('built-in profiles', () => {
  it('both validate against the schema', () => {
    expect(policySchema.safeParse(articleProfile).success).toBe(true);
    expect(policySchema.safeParse(perpresProfile).success).toBe(true);
  });

  it('article profile carries the article figures', () => {
    expect(articleProfile.id).toBe('artikel-wfh-asn-2026');
    expect(articleProfile.zone).toBe('Asia/Jakarta');
    expect(articleProfile.worktime.weeklyCapMinutes).toBe(40 * 60);
    expect(articleProfile.worktime.schedule['1']).toEqual({ start: '08:00', end: '16:00', breakMinutes: 0 });
    expect(articleProfile.worktime.schedule['6']).toBeUndefined();
    expect(articleProfile.speed.minDownloadMbps).toBe(10);
    expect(articleProfile.requests).toMatchObject({ urgentResponseMinutes: 120, emergencyResponseMinutes: 30 });
    expect(articleProfile.jobCategories.administrative.wfhPercent).toBe(60);
    expect(articleProfile.jobCategories.publicService.wfhPercent).toBe(20);
    expect(articleProfile.jobCategories.supervisionAudit.wfhPercent).toBe(40);
  });

  it('perpres profile adds up to 37.5 hours', () => {
    const days = Object.values(perpresProfile.worktime.schedule);
    const total = days.reduce((sum, day) => sum + workingMinutes(day), 0);
    expect(days).toHaveLength(5);
    expect(total).toBe(37 * 60 + 30);
    expect(perpresProfile.worktime.weeklyCapMinutes).toBe(total);
    expect(perpresProfile.worktime.schedule['1']!.start).toBe('07:30');
    expect(perpresProfile.worktime.schedule['5']).toEqual({ start: '07:30', end: '16:30', breakMinutes: 90 });
  });

  it('perpres Ramadan hours add up to 32.5 hours', () => {
    const ramadan = perpresProfile.worktime.ramadan!;
    const total = Object.values(ramadan.schedule).reduce((sum, day) => sum + workingMinutes(day), 0);
    expect(total).toBe(32 * 60 + 30);
    expect(ramadan.from).toBe('2026-02-19');
  });
});

describe('2026 calendar', () => {
  it('has 240 working days for a Monday-Friday office', () => {
    const calendar = new WorkCalendar(articleProfile);
    let working = 0;
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (calendar.day(date).working) working++;
    }
    expect(working).toBe(240);
  });

  it('names the holiday on Nyepi', () => {
    const day = new WorkCalendar(articleProfile).day('2026-03-19');
    expect(day.working).toBe(false);
    expect(day.working ? '' : day.reason.id).toContain('Nyepi');
  });

  it('counts cuti bersama as a day off', () => {
    const day = new WorkCalendar(articleProfile).day('2026-12-24');
    expect(day.working).toBe(false);
    expect(day.working ? null : day.holiday?.kind).toBe('cuti-bersama');
  });

  it('uses Ramadan hours inside the range only', () => {
    const calendar = new WorkCalendar(perpresProfile);
    const inRamadan = calendar.day('2026-03-02');
    const after = calendar.day('2026-03-30');
    expect(inRamadan.working && inRamadan.ramadan).toBe(true);
    expect(inRamadan.working ? inRamadan.schedule.end : null).toBe('15:00');
    expect(after.working ? after.schedule.end : null).toBe('16:00');
  });
});

describe('PolicyStore', () => {
  let dir: string;
  let db: Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-policy-'));
    db = openDatabase(dir);
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the article profile', () => {
    expect(new PolicyStore(db).active().id).toBe('artikel-wfh-asn-2026');
  });

  it('rejects a malformed profile naming the field', () => {
    const store = new PolicyStore(db);
    store.useBuiltIn('perpres-21-2023', 1);
    const broken = structuredClone(articleProfile) as unknown as Record<string, Record<string, unknown>>;
    broken.worktime!.weeklyCapMinutes = -5;
    (broken.speed as Record<string, unknown>).minDownloadMbps = 'fast';

    let caught: unknown;
    try {
      store.install(broken, 2);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(PolicyValidationError);
    const paths = (caught as PolicyValidationError).issues.map((issue) => issue.path);
    expect(paths).toContain('worktime.weeklyCapMinutes');
    expect(paths).toContain('speed.minDownloadMbps');
    expect((caught as Error).message).toContain('previous one stays in force');
    expect(store.active().id).toBe('perpres-21-2023');
    expect(new PolicyStore(db).active().id).toBe('perpres-21-2023');
  });

  it('rejects a window that ends before it starts', () => {
    const broken: Policy = structuredClone(articleProfile);
    broken.worktime.schedule['1'] = { start: '16:00', end: '08:00', breakMinutes: 0 };
    expect(() => new PolicyStore(db).install(broken, 1)).toThrow(/worktime\.schedule\.1\.end: start must be earlier than end/);
  });

  it('persists the installed profile across restarts', () => {
    new PolicyStore(db).useBuiltIn('perpres-21-2023', 1);
    expect(new PolicyStore(db).active().worktime.weeklyCapMinutes).toBe(2250);
  });

  it('rejects an unknown built-in id', () => {
    expect(() => new PolicyStore(db).useBuiltIn('no-such-profile', 1)).toThrow(/Unknown policy profile "no-such-profile"/);
  });
});
