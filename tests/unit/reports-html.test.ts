// The printable HTML of a weekly summary, rendered from the fixture week (tests/fixtures/reports-week.ts).
import { describe, expect, it } from 'vitest';
import { renderWeeklySummaryHtml, weeklySummaryFileName } from '../../shared/reports-html';
import { fixtureSummary } from '../fixtures/reports-week';

const zone = 'Asia/Jakarta';

/** Returns the text of the totals cell named by its data-total attribute. */
function total(html: string, key: string): string | undefined {
  return new RegExp(`<td data-total="${key}">([^<]*)</td>`).exec(html)?.[1];
}

describe('weekly summary HTML', () => {
  const id = renderWeeklySummaryHtml(fixtureSummary, { language: 'id', zone });
  const en = renderWeeklySummaryHtml(fixtureSummary, { language: 'en', zone });

  it('contains fixture totals in Indonesian', () => {
    expect(total(id, 'workingDays')).toBe('5');
    expect(total(id, 'reportsSubmitted')).toBe('3');
    expect(total(id, 'reportsLate')).toBe('1');
    expect(total(id, 'reportsMissing')).toBe('1');
    expect(total(id, 'activities')).toBe('5');
    expect(total(id, 'activitiesDone')).toBe('3');
    expect(total(id, 'activitiesInProgress')).toBe('1');
    expect(total(id, 'activitiesBlocked')).toBe('1');
    expect(total(id, 'reportedHours')).toBe('14,5 jam');
    expect(total(id, 'workedMinutes')).toBe('26 jam 30 menit');
    expect(total(id, 'capMinutes')).toBe('40 jam');
  });

  it('contains fixture totals in English', () => {
    expect(total(en, 'reportedHours')).toBe('14.5 h');
    expect(total(en, 'workedMinutes')).toBe('26 h 30 min');
    expect(total(en, 'capMinutes')).toBe('40 h');
    expect(en).toContain('<th scope="row">Reports submitted late</th>');
  });

  it('is a complete document', () => {
    expect(id.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    expect(id.endsWith('</body>\n</html>')).toBe(true);
    expect(id).toContain('<meta charset="utf-8">');
    expect(id).toContain('<title>Ringkasan Kinerja Mingguan 2026-07-06</title>');
    expect(en).toContain('<html lang="en">');
  });

  it('escapes user text', () => {
    expect(id).toContain('Rapat koordinasi &lt;anggaran&gt; &amp; &quot;revisi&quot;');
    expect(id).toContain('Usul: &lt;b&gt;percepat&lt;/b&gt; akses VPN');
    expect(id).not.toContain('<b>');
    expect(id).not.toContain('<script');
  });

  it('writes days in the reader language', () => {
    expect(id).toContain('Senin, 6 Juli 2026');
    // ICU releases differ on the comma after the weekday in en-GB.
    expect(en).toMatch(/Monday,? 6 July 2026/);
    expect(id).toContain('Terkirim (terlambat)');
    expect(en).toContain('Submitted (late)');
    expect(id).toContain('<td>Akhir pekan</td>');
    expect(en).toContain('<td>Weekend</td>');
  });

  it('shows submission time in policy zone', () => {
    const submitted = { ...fixtureSummary, state: 'submitted' as const, submittedAt: Date.parse('2026-07-13T02:30:00Z') };
    const html = renderWeeklySummaryHtml(submitted, { language: 'en', zone });
    expect(html).toContain('Submitted · Submitted 13 July 2026 at 09:30');
  });

  it('names the PDF by week and language', () => {
    expect(weeklySummaryFileName('2026-07-06', 'id')).toBe('ringkasan-mingguan-2026-07-06.pdf');
    expect(weeklySummaryFileName('2026-07-06', 'en', 'html')).toBe('weekly-summary-2026-07-06.html');
  });
});
