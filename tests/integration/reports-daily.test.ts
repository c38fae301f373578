// Daily progress reports through the real stack: autosaved drafts, submission, late filing, days
// without reports, and the length and size limits. A Companion on real SQLite, see tests/harness/reports-world.ts.
import { afterEach, describe, expect, it, beforeEach } from 'vitest';
import type { Companion } from '../../electron/core/companion';
import { createHandlers, dispatch } from '../../electron/core/ipc/handlers';
import { ipcCalls, type IpcCallName } from '../../shared/ipc';
import { REPORT_LIMITS } from '../../shared/reports';
import { draftOf, oneActivity, refusal, ReportsWorld, wib } from '../harness/reports-world';

const world = new ReportsWorld();
let companion: Companion;

afterEach(async () => world.close());

describe('daily report', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('accepts late report for last Tuesday', () => {
    companion.reports.daily.saveDraft('2026-07-14', oneActivity);
    const view = companion.reports.daily.submit('2026-07-14');

    expect(view.report?.state).toBe('submitted');
    expect(view.report?.late).toBe(true);
    expect(view.editable).toBe(false);
    expect(companion.reports.daily.list('2026-07-13', '2026-07-16').map((item) => [item.date, item.status, item.late])).toEqual([
      ['2026-07-13', 'missing', false],
      ['2026-07-14', 'submitted', true],
      ['2026-07-15', 'missing', false],
      ['2026-07-16', 'missing', false],
    ]);
  });

  it('submits same-day report on time', () => {
    companion.reports.daily.saveDraft('2026-07-16', oneActivity);
    const view = companion.reports.daily.submit('2026-07-16');
    expect(view.report?.late).toBe(false);
    expect(view.report?.submittedAt).toBe(world.clock);
  });

  it('refuses holiday with its name', () => {
    world.clock = wib('2026-08-18', '10:00');
    const error = refusal(() => companion.reports.daily.saveDraft('2026-08-17', oneActivity));
    expect(error.code).toBe('report_holiday');
    expect(error.text.id).toContain('Hari Kemerdekaan Republik Indonesia');
    expect(error.text.en).toContain('Independence Day');

    const view = companion.reports.daily.view('2026-08-17');
    expect(view.working).toBe(false);
    expect(view.dayOff?.id).toBe('Hari Kemerdekaan Republik Indonesia');
    expect(view.reportable).toBe(false);
  });

  it('refuses weekend and future day', () => {
    const weekend = refusal(() => companion.reports.daily.saveDraft('2026-07-11', oneActivity));
    expect(weekend.code).toBe('report_not_working_day');
    expect(weekend.text.id).toContain('Akhir pekan');

    const future = refusal(() => companion.reports.daily.saveDraft('2026-07-17', oneActivity));
    expect(future.code).toBe('report_future_date');
    expect(future.text.en).toContain('2026-07-17');
  });

  it('refuses impossible date', () => {
    const error = refusal(() => companion.reports.daily.saveDraft('2026-02-30', oneActivity));
    expect(error.code).toBe('report_invalid_date');
  });

  it('counts autosaves in revision', () => {
    companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Menyu', output: '', status: 'in_progress' }]));
    const view = companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Menyusun', output: '', status: 'in_progress' }]));
    expect(view.report?.revision).toBe(2);
    expect(view.report?.activities[0]?.description).toBe('Menyusun');
    expect(view.report?.activities[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses edit after submission', () => {
    companion.reports.daily.saveDraft('2026-07-16', oneActivity);
    companion.reports.daily.submit('2026-07-16');
    const error = refusal(() => companion.reports.daily.saveDraft('2026-07-16', draftOf([])));
    expect(error.code).toBe('report_already_submitted');
    expect(companion.reports.daily.view('2026-07-16').report?.activities).toHaveLength(1);
  });

  it('refuses submission without activities', () => {
    companion.reports.daily.saveDraft('2026-07-16', draftOf([]));
    const error = refusal(() => companion.reports.daily.submit('2026-07-16'));
    expect(error.code).toBe('report_empty');
    expect(companion.reports.daily.view('2026-07-16').report?.state).toBe('draft');
  });

  it('refuses done activity without output', () => {
    companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Rapat', output: ' ', status: 'done' }]));
    const error = refusal(() => companion.reports.daily.submit('2026-07-16'));
    expect(error.code).toBe('report_field_missing');
    expect(error.text.id).toBe('Kegiatan 1: Keluaran belum diisi. Lengkapi lalu coba lagi.');
  });

  it('refuses link that is no web address', () => {
    companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Rapat', output: 'Notula', status: 'done', link: 'notula rapat' }]));
    const error = refusal(() => companion.reports.daily.submit('2026-07-16'));
    expect(error.code).toBe('report_invalid_link');
  });
});

describe('limits', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('keeps stored draft on too-long description', () => {
    companion.reports.daily.saveDraft('2026-07-16', oneActivity);
    const tooLong = draftOf([{ description: 'x'.repeat(REPORT_LIMITS.description + 1), output: '', status: 'in_progress' }]);

    const error = refusal(() => companion.reports.daily.saveDraft('2026-07-16', tooLong));
    expect(error.code).toBe('report_field_too_long');
    expect(error.text.id).toContain('Kegiatan 1: Uraian kegiatan terlalu panjang: 1001 karakter, batasnya 1000');
    expect(error.text.en).toContain('Activity 1: Activity description is too long: 1001 characters, the limit is 1000');

    const stored = companion.reports.daily.view('2026-07-16').report;
    expect(stored?.activities[0]?.description).toBe('Menyusun laporan kegiatan');
    expect(stored?.revision).toBe(1);
  });

  it('counts characters, not UTF-16 units', () => {
    const emoji = '📄'.repeat(REPORT_LIMITS.plan);
    const view = companion.reports.daily.saveDraft('2026-07-16', draftOf([], '', emoji));
    expect(view.report?.plan).toBe(emoji);
  });

  it('names obstacles and plan limits', () => {
    const obstacles = refusal(() => companion.reports.daily.saveDraft('2026-07-16', draftOf([], 'k'.repeat(2001))));
    expect(obstacles.text.id).toContain('Kendala terlalu panjang: 2001 karakter, batasnya 2000');
    const plan = refusal(() => companion.reports.daily.saveDraft('2026-07-16', draftOf([], '', 'r'.repeat(2001))));
    expect(plan.text.en).toContain('Plan for tomorrow is too long: 2001 characters, the limit is 2000');
  });

  it('refuses too many activities', () => {
    const many = Array.from({ length: REPORT_LIMITS.activities + 1 }, (_, index) => ({ description: `Kegiatan ${index}`, output: '', status: 'in_progress' as const }));
    const error = refusal(() => companion.reports.daily.saveDraft('2026-07-16', draftOf(many)));
    expect(error.code).toBe('report_too_many_activities');
    expect(error.text.en).toContain('31, the limit is 30');
  });

  it('refuses attachment over policy size', () => {
    const limit = companion.policies.active().reports.maxAttachmentBytes;
    const attachment = { name: 'notulen.pdf', sha256: 'a'.repeat(64), size: limit + 1 };
    const error = refusal(() =>
      companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Rapat', output: 'Notulen', status: 'done', attachment }])),
    );
    expect(error.code).toBe('report_attachment_too_large');
    expect(error.text.id).toContain('notulen.pdf');
    expect(error.text.en).toContain('the policy limit is 10.0 MiB');
  });

  it('keeps attachment reference at policy size', () => {
    const limit = companion.policies.active().reports.maxAttachmentBytes;
    const attachment = { name: 'notulen.pdf', sha256: 'b'.repeat(64), size: limit };
    const view = companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Rapat', output: 'Notulen', status: 'done', attachment }]));
    expect(view.report?.activities[0]?.attachment).toEqual(attachment);
  });

  it('limits weekly notes', () => {
    const error = refusal(() => companion.reports.weekly.save('2026-07-13', { summaryText: '', notes: 'n'.repeat(REPORT_LIMITS.weeklyNotes + 1) }));
    expect(error.text.id).toContain('Catatan untuk rapat mingguan terlalu panjang: 4001 karakter, batasnya 4000');
  });
});


describe('IPC calls', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('returns limit text in both languages', async () => {
    const handlers = createHandlers(companion);
    await dispatch(handlers, 'saveDraft', { date: '2026-07-16', draft: oneActivity });
    const result = await dispatch(handlers, 'saveDraft', { date: '2026-07-16', draft: draftOf([], 'k'.repeat(2001)) });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('failed');
    expect(result.error.text?.id).toContain('Kendala terlalu panjang: 2001 karakter, batasnya 2000');
    expect(result.error.text?.en).toContain('Obstacles is too long: 2001 characters, the limit is 2000');
  });

  it('keeps draft after malformed input', async () => {
    const handlers = createHandlers(companion);
    await dispatch(handlers, 'saveDraft', { date: '2026-07-16', draft: oneActivity });
    const result = await dispatch(handlers, 'saveDraft', { date: '2026-07-16', draft: { activities: [{ description: 'x', output: '', status: 'selesai' }], obstacles: '', plan: '' } });
    expect(result.ok).toBe(false);

    const view = await dispatch(handlers, 'getDailyReport', { date: '2026-07-16' });
    expect(view).toMatchObject({ ok: true, value: { report: { revision: 1 } } });
  });

  it('serves every reports call', async () => {
    const handlers = createHandlers(companion);
    const calls: [string, unknown][] = [
      ['getDailyReport', {}],
      ['saveDraft', { date: '2026-07-16', draft: oneActivity }],
      ['submitDailyReport', { date: '2026-07-16' }],
      ['saveTarget', { target: { title: 'Notula', period: 'week', periodStart: '2026-07-13', quantity: 2, unit: 'notula', deadline: '2026-07-17' } }],
      ['deleteTarget', { id: 'tidak-ada' }],
      ['saveWeeklySummary', { weekStart: '2026-07-13', edit: { summaryText: 'Ringkasan', notes: 'Catatan' } }],
      ['regenerateWeeklySummary', { weekStart: '2026-07-13' }],
      ['submitWeeklySummary', { weekStart: '2026-07-13' }],
      ['listReports', { from: '2026-07-01', to: '2026-07-16' }],
      ['getWeeklySummary', {}],
      ['renderWeeklySummaryHtml', { weekStart: '2026-07-13' }],
      ['listTargets', {}],
      ['getDashboard', {}],
    ];
    for (const [name, input] of calls) {
      const result = await dispatch(handlers, name, input);
      expect(result.ok, `${name}: ${JSON.stringify(result)}`.slice(0, 300)).toBe(true);
      // The value must match the contract's output schema, which the renderer relies on.
      if (result.ok) expect(ipcCalls[name as IpcCallName].output.safeParse(result.value).success, name).toBe(true);
    }
  });
});
