// Weekly summaries of the fixture week (tests/fixtures/reports-week.ts) and delivery of reports to
// the reference central server on 127.0.0.1.
import { afterEach, describe, expect, it, beforeEach } from 'vitest';
import type { Companion } from '../../electron/core/companion';
import { FIXTURE_TOTALS, FIXTURE_WEEK_START } from '../fixtures/reports-week';
import { oneActivity, refusal, ReportsWorld } from '../harness/reports-world';

const world = new ReportsWorld();
let companion: Companion;

afterEach(async () => world.close());

describe('weekly summary', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('matches fixture week totals', () => {
    world.buildFixtureWeek();
    const summary = companion.reports.weekly.get(FIXTURE_WEEK_START);

    expect(summary.totals).toEqual(FIXTURE_TOTALS);
    expect(summary.days.map((day) => day.status)).toEqual(['submitted', 'submitted', 'submitted', 'missing', 'draft', 'not_required', 'not_required']);
    expect(summary.days.map((day) => day.workedMinutes)).toEqual([480, 270, 420, 0, 420, 0, 0]);
    expect(summary.days[2]?.late).toBe(true);
    expect(summary.meeting).toEqual({ date: '2026-07-06', time: '09:00' });
  });

  it('generates text from submitted reports', () => {
    world.buildFixtureWeek();
    const summary = companion.reports.weekly.get('2026-07-09');

    expect(summary.weekStart).toBe(FIXTURE_WEEK_START);
    expect(summary.summaryEdited).toBe(false);
    expect(summary.summaryText).toContain('Selesai:\n- Menyusun draf SK mutasi pegawai → Draf SK, 3 halaman (2026-07-06)');
    expect(summary.summaryText).toContain('Terkendala:\n- Unggah dokumen ke aplikasi kepegawaian (2026-07-08)');
    expect(summary.summaryText).toContain('Kendala:\n- Aplikasi kepegawaian tidak dapat diakses lewat VPN (2026-07-08)');
    // Friday's draft was never submitted, so its activity stays out of the summary.
    expect(summary.summaryText).not.toContain('Menyiapkan bahan rapat mingguan');
  });

  it('keeps user edits until regenerated', () => {
    world.buildFixtureWeek();
    const edited = companion.reports.weekly.save(FIXTURE_WEEK_START, { summaryText: 'Ringkasan saya', notes: 'Bahas akses VPN' });
    expect(edited.summaryText).toBe('Ringkasan saya');
    expect(edited.summaryEdited).toBe(true);

    const regenerated = companion.reports.weekly.regenerate(FIXTURE_WEEK_START);
    expect(regenerated.summaryText).toContain('Selesai:');
    expect(regenerated.notes).toBe('Bahas akses VPN');
  });

  it('renders fixture totals as HTML', () => {
    world.buildFixtureWeek();
    const { html, fileName } = companion.reports.weeklyHtml(FIXTURE_WEEK_START, 'en');
    expect(fileName).toBe('weekly-summary-2026-07-06.pdf');
    expect(html).toContain('<td data-total="workedMinutes">26 h 30 min</td>');
    expect(html).toContain('<td data-total="reportedHours">14.5 h</td>');
    expect(html).toContain('Rapat koordinasi &lt;anggaran&gt; &amp; &quot;revisi&quot;');
  });
});

describe('submission to central', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('delivers daily report once', async () => {
    companion.reports.daily.saveDraft('2026-07-14', oneActivity);
    const submittedAt = world.clock;
    companion.reports.daily.submit('2026-07-14');

    const first = await companion.flush();
    const second = await companion.flush();
    expect(first.accepted).toBe(1);
    expect(second.attempted).toBe(0);

    const events = await world.storedEvents('report.daily_report');
    expect(events).toHaveLength(1);
    expect(events[0]?.stream).toBe('reports');
    expect(events[0]?.occurredAt).toBe(submittedAt);
    expect(events[0]?.payload).toMatchObject({ date: '2026-07-14', late: true, plan: 'Lanjutkan rekap' });
  });

  it('delivers weekly summary once', async () => {
    world.buildFixtureWeek();
    companion.reports.weekly.save(FIXTURE_WEEK_START, { summaryText: 'Minggu ini: 3 laporan.', notes: 'Bahas akses VPN' });
    const submitted = companion.reports.weekly.submit(FIXTURE_WEEK_START);
    expect(submitted.state).toBe('submitted');

    await companion.flush();
    await companion.flush();
    const events = await world.storedEvents('report.weekly_summary');
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ weekStart: FIXTURE_WEEK_START, summaryText: 'Minggu ini: 3 laporan.', totals: FIXTURE_TOTALS });
    expect(await world.storedEvents('report.daily_report')).toHaveLength(3);
  });

  it('freezes submitted weekly summary', () => {
    world.buildFixtureWeek();
    const submitted = companion.reports.weekly.submit(FIXTURE_WEEK_START);

    // A report filed later does not change what was submitted.
    companion.reports.daily.submit('2026-07-10');
    expect(companion.reports.weekly.get(FIXTURE_WEEK_START)).toEqual(submitted);
    const error = refusal(() => companion.reports.weekly.save(FIXTURE_WEEK_START, { summaryText: 'x', notes: '' }));
    expect(error.code).toBe('report_weekly_already_submitted');
  });

  it('central rejects report without activities', async () => {
    const event = companion.outbox.enqueue({
      stream: 'reports',
      type: 'report.daily_report',
      occurredAt: world.clock,
      payload: { date: '2026-07-16', late: false, submittedAt: world.clock, revision: 1, activities: [], obstacles: '', plan: '' },
    });
    const result = await companion.flush();

    expect(result.rejected).toBe(1);
    expect(companion.outbox.get(event.id)?.state).toBe('dead');
    expect(companion.outbox.get(event.id)?.lastError).toContain('activities');
    expect(await world.storedEvents('report.daily_report')).toHaveLength(0);
  });

  it('refuses weekly summary of future week', () => {
    const error = refusal(() => companion.reports.weekly.submit('2026-07-20'));
    expect(error.code).toBe('report_week_not_started');
  });
});

