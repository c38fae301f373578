// Output targets (the user's and the policy's) and the dashboard figures, on real SQLite.
import { afterEach, describe, expect, it, beforeEach } from 'vitest';
import type { Companion } from '../../electron/core/companion';
import { articleProfile } from '../../electron/core/policy/profiles';
import { RequestsRepository } from '../../electron/core/requests/repository';
import type { Verdict } from '../../shared/domain';
import { draftOf, refusal, ReportsWorld, wib } from '../harness/reports-world';

const world = new ReportsWorld();
let companion: Companion;

afterEach(async () => world.close());

describe('targets', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  it('counts linked done activities', () => {
    const target = companion.reports.saveTarget({ title: 'Berkas kenaikan pangkat', period: 'week', periodStart: '2026-07-15', quantity: 3, unit: 'berkas', deadline: '2026-07-17' });
    expect(target.target.periodStart).toBe('2026-07-13');
    expect(target.status).toBe('open');

    companion.reports.daily.saveDraft(
      '2026-07-14',
      draftOf([
        { description: 'Verifikasi berkas', output: '2 berkas', status: 'done', targetId: target.target.id, quantity: 2 },
        { description: 'Verifikasi berkas lain', output: '', status: 'in_progress', targetId: target.target.id },
      ]),
    );
    companion.reports.daily.submit('2026-07-14');
    const afterTuesday = companion.reports.listTargets().find((entry) => entry.target.id === target.target.id);
    expect(afterTuesday?.achieved).toBe(2);
    expect(afterTuesday?.percent).toBe(66);

    companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Verifikasi', output: '1 berkas', status: 'done', targetId: target.target.id }]));
    companion.reports.daily.submit('2026-07-16');
    const met = companion.reports.listTargets('2026-07-13', '2026-07-19')[0];
    expect(met?.achieved).toBe(3);
    expect(met?.status).toBe('met');
  });

  it('flags missed deadline', () => {
    const target = companion.reports.saveTarget({ title: 'Telaahan staf', period: 'month', periodStart: '2026-07-01', quantity: 4, unit: 'dokumen', deadline: '2026-07-10' });
    const progress = companion.reports.listTargets().find((entry) => entry.target.id === target.target.id);
    expect(progress?.missed).toBe(true);
    expect(progress?.status).toBe('missed');
  });

  it('refuses unknown target at submission', () => {
    companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'Rapat', output: 'Notula', status: 'done', targetId: 'hilang' }]));
    const error = refusal(() => companion.reports.daily.submit('2026-07-16'));
    expect(error.code).toBe('report_unknown_target');
  });

  it('validates target input', () => {
    const deadline = refusal(() => companion.reports.saveTarget({ title: 'T', period: 'week', periodStart: '2026-07-15', quantity: 1, unit: 'x', deadline: '2026-07-12' }));
    expect(deadline.code).toBe('report_target_deadline');
    const title = refusal(() => companion.reports.saveTarget({ title: ' ', period: 'week', periodStart: '2026-07-15', quantity: 1, unit: 'x', deadline: '2026-07-17' }));
    expect(title.text.id).toBe('Judul target belum diisi. Lengkapi lalu coba lagi.');
    const quantity = refusal(() => companion.reports.saveTarget({ title: 'T', period: 'week', periodStart: '2026-07-15', quantity: 0, unit: 'x', deadline: '2026-07-17' }));
    expect(quantity.code).toBe('report_value_out_of_range');
  });

  it('updates and deletes user target', () => {
    const created = companion.reports.saveTarget({ title: 'Notula', period: 'week', periodStart: '2026-07-13', quantity: 2, unit: 'notula', deadline: '2026-07-17' });
    const updated = companion.reports.saveTarget({ id: created.target.id, title: 'Notula rapat', period: 'week', periodStart: '2026-07-13', quantity: 5, unit: 'notula', deadline: '2026-07-17' });
    expect(updated.target.quantity).toBe(5);
    expect(companion.reports.listTargets()).toHaveLength(1);
    expect(companion.reports.deleteTarget(created.target.id)).toEqual({ deleted: true });
    expect(companion.reports.listTargets()).toHaveLength(0);
  });
});

describe('policy targets', () => {
  const profile = {
    ...articleProfile,
    version: '2026.7',
    reports: {
      maxAttachmentBytes: 1024,
      targets: [{ id: 'kpi-juli', title: 'Laporan analisis jabatan', period: 'month', periodStart: '2026-07-01', quantity: 2, unit: 'laporan', deadline: '2026-07-31' }],
    },
  };

  beforeEach(async () => {
    companion = await world.open({ id: profile.id, version: profile.version, profile });
  });

  it('arrives with fetched policy', async () => {
    const client = await companion.enrollment.client();
    const fetched = await client!.fetchPolicy(null);
    if (fetched.status !== 'updated') throw new Error(`expected a policy, got ${fetched.status}`);
    companion.policies.install(fetched.document.profile, world.clock);

    const targets = companion.reports.listTargets();
    expect(targets.map((entry) => [entry.target.id, entry.target.source])).toEqual([['kpi-juli', 'policy']]);
    const error = refusal(() => companion.reports.deleteTarget('kpi-juli'));
    expect(error.code).toBe('report_policy_target');

    const attachment = { name: 'besar.pdf', sha256: 'c'.repeat(64), size: 2048 };
    const tooLarge = refusal(() => companion.reports.daily.saveDraft('2026-07-16', draftOf([{ description: 'R', output: 'N', status: 'done', attachment }])));
    expect(tooLarge.text.en).toContain('the policy limit is 1.0 KiB');
  });
});

describe('dashboard', () => {
  beforeEach(async () => {
    companion = await world.open();
  });

  function storeSnapshot(at: number, overall: Verdict): void {
    companion.snapshots.save({ id: `snap-${at}`, createdAt: at, policyId: 'artikel-wfh-asn-2026', policyVersion: '2026.1', overall, checks: [] });
  }

  it('counts month reports on working days', () => {
    world.buildFixtureWeek();
    const dashboard = companion.reports.dashboard();

    expect(dashboard.today).toBe('2026-07-13');
    // 1-3 July (Wed-Fri), 6-10 July and Monday 13 July: nine working days.
    expect(dashboard.month.workingDays).toBe(9);
    expect(dashboard.month.reportsSubmitted).toBe(3);
    expect(dashboard.month.reportsLate).toBe(1);
    // Today's report is due only once its window ends at 16:00.
    expect(dashboard.month.missingDates).toEqual(['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-09', '2026-07-10']);
    world.clock = wib('2026-07-13', '16:00');
    expect(companion.reports.dashboard().month.missingDates).toContain('2026-07-13');
  });

  it('excludes holidays from month', () => {
    world.clock = wib('2026-08-18', '17:00');
    const dashboard = companion.reports.dashboard();
    // 3-7, 10-14 August and 18 August; 17 August is Independence Day.
    expect(dashboard.month.workingDays).toBe(11);
    expect(dashboard.month.missingDates).not.toContain('2026-08-17');
    expect(dashboard.month.missingDates).toHaveLength(11);
  });

  it('shows hours against cap', () => {
    world.buildFixtureWeek();
    world.clock = wib('2026-07-10', '17:00');
    const week = companion.reports.dashboard().week;
    expect(week.workedMinutes).toBe(1590);
    expect(week.capMinutes).toBe(2400);
  });

  it('summarizes compliance per day', () => {
    storeSnapshot(wib('2026-07-15', '08:00'), 'pass');
    storeSnapshot(wib('2026-07-15', '13:00'), 'fail');
    storeSnapshot(wib('2026-07-16', '08:00'), 'pass');
    storeSnapshot(wib('2026-06-01', '08:00'), 'fail');

    const compliance = companion.reports.dashboard().compliance;
    expect(compliance.from).toBe('2026-06-17');
    expect(compliance.byDay).toHaveLength(30);
    expect(compliance.byDay.find((day) => day.date === '2026-07-15')).toEqual({ date: '2026-07-15', overall: 'fail', snapshots: 2 });
    expect(compliance.daysChecked).toBe(2);
    expect(compliance.daysPassed).toBe(1);
    expect(compliance.latest).toBe('pass');
  });

  it('measures stored request answers', () => {
    const requests = new RequestsRepository(companion.db);
    const sentAt = wib('2026-07-15', '09:00');
    const common = { sender: 'Kepala Bagian', subject: 'Data pegawai', body: 'Mohon kirim data hari ini.', createdAt: sentAt };
    requests.insert({ ...common, id: 'req-1', level: 'urgent', dueAt: sentAt + 120 * 60_000 }, sentAt);
    requests.insert({ ...common, id: 'req-2', level: 'emergency', dueAt: sentAt + 30 * 60_000 }, sentAt);
    requests.recordAnswer('req-1', sentAt + 45 * 60_000, 'Sudah dikirim', 'event-1');
    requests.recordAnswer('req-2', sentAt + 50 * 60_000, 'Terlambat, maaf', 'event-2');

    expect(companion.reports.dashboard().responseTimes).toMatchObject({
      available: true,
      requests: 2,
      answeredInTime: 1,
      answeredLate: 1,
      medianMinutes: 47.5,
      maxMinutes: 50,
    });
  });

  it('reports empty response times', () => {
    const responseTimes = companion.reports.dashboard().responseTimes;
    expect(responseTimes).toEqual({
      available: true,
      windowDays: 30,
      requests: 0,
      answered: 0,
      answeredInTime: 0,
      answeredLate: 0,
      overdue: 0,
      medianMinutes: null,
      maxMinutes: null,
    });
  });
});
