// Printable HTML of a weekly summary: a complete, self-contained document (no scripts, no external
// resources) in the reader's language, with every value escaped. The shell prints it to PDF.
import type { Language } from './domain';
import type { Activity, ReportDayStatus, WeeklySummary } from './reports';

interface HtmlTexts {
  title: string;
  week: (from: string, to: string) => string;
  state: Record<WeeklySummary['state'], string>;
  submittedAt: string;
  meeting: string;
  totals: string;
  summary: string;
  notes: string;
  daily: string;
  noNotes: string;
  noActivities: string;
  columns: { date: string; status: string; hours: string; activities: string };
  totalLabels: Record<TotalKey, string>;
  dayStatus: Record<ReportDayStatus, string>;
  activityStatus: Record<Activity['status'], string>;
  late: string;
  output: string;
  link: string;
  attachment: string;
  obstacles: string;
  hours: (minutes: number) => string;
  decimalHours: (hours: number) => string;
  locale: string;
}

type TotalKey =
  | 'workingDays'
  | 'reportsSubmitted'
  | 'reportsLate'
  | 'reportsMissing'
  | 'activities'
  | 'activitiesDone'
  | 'activitiesInProgress'
  | 'activitiesBlocked'
  | 'reportedHours'
  | 'workedMinutes'
  | 'capMinutes';

function hoursAndMinutes(minutes: number, hourWord: string, minuteWord: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} ${hourWord}` : `${hours} ${hourWord} ${rest} ${minuteWord}`;
}

const texts: Record<Language, HtmlTexts> = {
  id: {
    title: 'Ringkasan Kinerja Mingguan',
    week: (from, to) => `Minggu ${from} sampai ${to}`,
    state: { draft: 'Draf, belum dikirim', submitted: 'Terkirim' },
    submittedAt: 'Dikirim',
    meeting: 'Rapat virtual mingguan',
    totals: 'Total minggu ini',
    summary: 'Ringkasan',
    notes: 'Catatan untuk rapat',
    daily: 'Rincian harian',
    noNotes: 'Tidak ada catatan.',
    noActivities: 'Tidak ada kegiatan terlapor.',
    columns: { date: 'Tanggal', status: 'Laporan', hours: 'Jam kerja', activities: 'Kegiatan dan keluaran' },
    totalLabels: {
      workingDays: 'Hari kerja',
      reportsSubmitted: 'Laporan terkirim',
      reportsLate: 'Laporan terlambat',
      reportsMissing: 'Laporan belum dibuat',
      activities: 'Kegiatan',
      activitiesDone: 'Kegiatan selesai',
      activitiesInProgress: 'Kegiatan dalam proses',
      activitiesBlocked: 'Kegiatan terkendala',
      reportedHours: 'Jam kegiatan terlapor',
      workedMinutes: 'Jam kerja tercatat',
      capMinutes: 'Batas jam kerja mingguan',
    },
    dayStatus: { submitted: 'Terkirim', draft: 'Draf', missing: 'Belum ada', not_required: 'Tidak wajib' },
    activityStatus: { done: 'Selesai', in_progress: 'Dalam proses', blocked: 'Terkendala' },
    late: 'terlambat',
    output: 'Keluaran',
    link: 'Tautan',
    attachment: 'Lampiran',
    obstacles: 'Kendala',
    hours: (minutes) => hoursAndMinutes(minutes, 'jam', 'menit'),
    decimalHours: (hours) => `${hours.toLocaleString('id-ID', { maximumFractionDigits: 2 })} jam`,
    locale: 'id-ID',
  },
  en: {
    title: 'Weekly Performance Summary',
    week: (from, to) => `Week of ${from} to ${to}`,
    state: { draft: 'Draft, not submitted', submitted: 'Submitted' },
    submittedAt: 'Submitted',
    meeting: 'Weekly virtual meeting',
    totals: 'Totals this week',
    summary: 'Summary',
    notes: 'Notes for the meeting',
    daily: 'Day by day',
    noNotes: 'No notes.',
    noActivities: 'No activities reported.',
    columns: { date: 'Date', status: 'Report', hours: 'Hours worked', activities: 'Activities and outputs' },
    totalLabels: {
      workingDays: 'Working days',
      reportsSubmitted: 'Reports submitted',
      reportsLate: 'Reports submitted late',
      reportsMissing: 'Reports missing',
      activities: 'Activities',
      activitiesDone: 'Activities done',
      activitiesInProgress: 'Activities in progress',
      activitiesBlocked: 'Activities blocked',
      reportedHours: 'Activity hours reported',
      workedMinutes: 'Hours worked (recorded)',
      capMinutes: 'Weekly hours cap',
    },
    dayStatus: { submitted: 'Submitted', draft: 'Draft', missing: 'Missing', not_required: 'Not required' },
    activityStatus: { done: 'Done', in_progress: 'In progress', blocked: 'Blocked' },
    late: 'late',
    output: 'Output',
    link: 'Link',
    attachment: 'Attachment',
    obstacles: 'Obstacles',
    hours: (minutes) => hoursAndMinutes(minutes, 'h', 'min'),
    decimalHours: (hours) => `${hours.toLocaleString('en-GB', { maximumFractionDigits: 2 })} h`,
    locale: 'en-GB',
  },
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Writes out a civil date (YYYY-MM-DD), e.g. "Senin, 6 Juli 2026". A civil date has no time zone, so UTC formats it unchanged. */
function longDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

function instant(at: number, locale: string, zone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(at));
}

function totalsTable(summary: WeeklySummary, t: HtmlTexts): string {
  const totals = summary.totals;
  const values: Record<TotalKey, string> = {
    workingDays: String(totals.workingDays),
    reportsSubmitted: String(totals.reportsSubmitted),
    reportsLate: String(totals.reportsLate),
    reportsMissing: String(totals.reportsMissing),
    activities: String(totals.activities),
    activitiesDone: String(totals.activitiesDone),
    activitiesInProgress: String(totals.activitiesInProgress),
    activitiesBlocked: String(totals.activitiesBlocked),
    reportedHours: t.decimalHours(totals.reportedHours),
    workedMinutes: t.hours(totals.workedMinutes),
    capMinutes: t.hours(totals.capMinutes),
  };
  const rows = (Object.keys(values) as TotalKey[]).map(
    (key) => `<tr><th scope="row">${escapeHtml(t.totalLabels[key])}</th><td data-total="${key}">${escapeHtml(values[key])}</td></tr>`,
  );
  return `<table class="totals">${rows.join('')}</table>`;
}

function activityItem(activity: Activity, t: HtmlTexts): string {
  const parts = [`<span class="status status-${activity.status}">${escapeHtml(t.activityStatus[activity.status])}</span> ${escapeHtml(activity.description)}`];
  if (activity.output.trim() !== '') parts.push(`<div>${escapeHtml(t.output)}: ${escapeHtml(activity.output)}</div>`);
  if (activity.hours !== null) parts.push(`<div>${escapeHtml(t.decimalHours(activity.hours))}</div>`);
  // Links are printed as text, never as anchors: the document opens offline and must not navigate.
  if (activity.link !== null) parts.push(`<div>${escapeHtml(t.link)}: ${escapeHtml(activity.link)}</div>`);
  if (activity.attachment !== null) {
    const { name, size, sha256 } = activity.attachment;
    parts.push(`<div>${escapeHtml(t.attachment)}: ${escapeHtml(name)} (${size} B, SHA-256 ${escapeHtml(sha256.slice(0, 12))}…)</div>`);
  }
  return `<li>${parts.join('')}</li>`;
}

function dayRows(summary: WeeklySummary, t: HtmlTexts, language: Language): string {
  return summary.days
    .map((day) => {
      let status = day.dayOff?.[language] ?? t.dayStatus.not_required;
      if (day.working) status = day.late ? `${t.dayStatus[day.status]} (${t.late})` : t.dayStatus[day.status];
      const activities =
        day.activities.length === 0
          ? `<span class="muted">${escapeHtml(day.working ? t.noActivities : '')}</span>`
          : `<ul>${day.activities.map((activity) => activityItem(activity, t)).join('')}</ul>`;
      const obstacles = day.obstacles.trim() === '' ? '' : `<div class="obstacles">${escapeHtml(t.obstacles)}: ${escapeHtml(day.obstacles)}</div>`;
      return (
        `<tr data-date="${escapeHtml(day.date)}"><td>${escapeHtml(longDate(day.date, t.locale))}</td><td>${escapeHtml(status)}</td>` +
        `<td>${escapeHtml(t.hours(day.workedMinutes))}</td><td>${activities}${obstacles}</td></tr>`
      );
    })
    .join('');
}

const STYLE = `
@page { size: A4; margin: 16mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 14pt 0 6pt; border-bottom: 1px solid #999; }
p.meta { margin: 2pt 0; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 3pt 5pt; vertical-align: top; text-align: left; }
table.totals { width: auto; }
table.totals td { text-align: right; min-width: 80pt; }
tr { page-break-inside: avoid; }
ul { margin: 0; padding-left: 14pt; }
.text { white-space: pre-wrap; }
.muted { color: #666; }
.status { font-weight: bold; }
.obstacles { margin-top: 4pt; font-style: italic; }
`;

export interface WeeklySummaryHtmlOptions {
  language: Language;
  /** Policy zone for the submission time. */
  zone: string;
}

/** Renders the summary as a complete HTML document; pure, so the same text prints in the shell and in tests. */
export function renderWeeklySummaryHtml(summary: WeeklySummary, options: WeeklySummaryHtmlOptions): string {
  const t = texts[options.language];
  const meta = [
    `<p class="meta">${escapeHtml(t.week(longDate(summary.weekStart, t.locale), longDate(summary.weekEnd, t.locale)))}</p>`,
    `<p class="meta">${escapeHtml(t.state[summary.state])}${
      summary.submittedAt === null ? '' : ` · ${escapeHtml(t.submittedAt)} ${escapeHtml(instant(summary.submittedAt, t.locale, options.zone))}`
    }</p>`,
  ];
  if (summary.meeting) {
    meta.push(`<p class="meta">${escapeHtml(t.meeting)}: ${escapeHtml(longDate(summary.meeting.date, t.locale))}, ${escapeHtml(summary.meeting.time)}</p>`);
  }
  const notes = summary.notes.trim() === '' ? `<p class="muted">${escapeHtml(t.noNotes)}</p>` : `<div class="text">${escapeHtml(summary.notes)}</div>`;

  return [
    '<!DOCTYPE html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${t.title} ${summary.weekStart}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(t.title)}</h1>`,
    ...meta,
    `<h2>${escapeHtml(t.totals)}</h2>`,
    totalsTable(summary, t),
    `<h2>${escapeHtml(t.summary)}</h2>`,
    `<div class="text summary">${escapeHtml(summary.summaryText)}</div>`,
    `<h2>${escapeHtml(t.notes)}</h2>`,
    notes,
    `<h2>${escapeHtml(t.daily)}</h2>`,
    `<table class="days"><thead><tr><th>${escapeHtml(t.columns.date)}</th><th>${escapeHtml(t.columns.status)}</th>` +
      `<th>${escapeHtml(t.columns.hours)}</th><th>${escapeHtml(t.columns.activities)}</th></tr></thead>`,
    `<tbody>${dayRows(summary, t, options.language)}</tbody></table>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** File name for the printed summary, e.g. "ringkasan-mingguan-2026-07-06.pdf". */
export function weeklySummaryFileName(weekStart: string, language: Language, extension = 'pdf'): string {
  const stem = language === 'id' ? 'ringkasan-mingguan' : 'weekly-summary';
  return `${stem}-${weekStart}.${extension}`;
}
