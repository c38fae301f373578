// The weekly summary: the week's figures, the editable summary text and notes, Submit, and export.
// The desktop app prints a PDF through the shell. In a browser the summary's HTML opens in a new tab
// to be printed from there, or downloads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionStatus } from '../../../shared/domain';
import type { CompanionApi, IpcError } from '../../../shared/ipc';
import type { WeeklySummary } from '../../../shared/reports';
import { companion } from '../../api/companion';
import { formatClockText, formatDateTime, formatDayKey, formatDuration, formatNumber } from '../../format';
import { currentLanguage, localeOf } from '../../i18n';
import { shiftDate } from '../../report-dates';
import { formatBytes } from './ActivityFields';

/** Replaces the extension of the render's file name (.pdf or .html from the core) with .html. */
export function htmlFileName(fileName: string): string {
  return `${fileName.replace(/\.(html?|pdf)$/i, '')}.html`;
}

/** Offers a text as a file download, without any Node or Electron API. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Outcome =
  | { key: 'saved' | 'pdfCancelled' | 'htmlOpened' }
  | { key: 'pdfSaved'; path: string; bytes: number }
  | { key: 'htmlDownloaded'; file: string };

function TotalsTable({ summary }: { summary: WeeklySummary }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const totals = summary.totals;
  const rows: Array<[string, string]> = [
    [t('reports.weekly.workingDays'), String(totals.workingDays)],
    [t('reports.weekly.reportsSubmitted'), String(totals.reportsSubmitted)],
    [t('reports.weekly.reportsLate'), String(totals.reportsLate)],
    [t('reports.weekly.reportsDraft'), String(totals.reportsDraft)],
    [t('reports.weekly.reportsMissing'), String(totals.reportsMissing)],
    [t('reports.weekly.activities'), String(totals.activities)],
    [t('reports.weekly.activitiesDone'), String(totals.activitiesDone)],
    [t('reports.weekly.activitiesInProgress'), String(totals.activitiesInProgress)],
    [t('reports.weekly.activitiesBlocked'), String(totals.activitiesBlocked)],
    [t('reports.weekly.reportedHours'), formatNumber(totals.reportedHours, language, 2)],
    [t('reports.weekly.workedTime'), `${formatDuration(t, totals.workedMinutes)} / ${formatDuration(t, totals.capMinutes)}`],
  ];
  return (
    <table className="data-table weekly-totals" data-testid="weekly-totals">
      <caption>{t('reports.weekly.totalsCaption')}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeeklySummaryPanel({ api, status, reportError }: { api: CompanionApi; status: CompanionStatus | null; reportError: (error: IpcError | null) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';
  const [weekStart, setWeekStart] = useState<string | null>(null);
  const [summary, setSummary] = useState<WeeklySummary | null>(null);
  const [text, setText] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const connection = companion();
  const inDesktop = connection.ok && connection.transport === 'preload';

  const shownSummary = useRef<WeeklySummary | null>(null);

  /**
   * Shows a summary from the core. A background re-read (`keepEdits`) keeps what the person is typing
   * in the summary and notes; an action's reply replaces both.
   */
  const show = useCallback((next: WeeklySummary, keepEdits = false) => {
    const previous = shownSummary.current;
    shownSummary.current = next;
    setSummary(next);
    const sameWeek = previous !== null && previous.weekStart === next.weekStart;
    setText((current) => (keepEdits && sameWeek && current !== previous.summaryText ? current : next.summaryText));
    setNotes((current) => (keepEdits && sameWeek && current !== previous.notes ? current : next.notes));
  }, []);

  // Read again whenever the core reports a change, so a report submitted above shows up in the totals.
  useEffect(() => {
    void api.getWeeklySummary(weekStart === null ? {} : { weekStart }).then((result) => {
      if (result.ok) show(result.value, true);
      else reportError(result.error);
    });
  }, [api, weekStart, show, reportError, status]);

  /** Runs one action on the summary; returns its value, or null after showing the error. */
  const act = async <T,>(name: string, request: () => Promise<{ ok: true; value: T } | { ok: false; error: IpcError }>): Promise<T | null> => {
    setBusy(name);
    setOutcome(null);
    reportError(null);
    try {
      const result = await request();
      if (result.ok) return result.value;
      reportError(result.error);
      return null;
    } finally {
      setBusy(null);
    }
  };

  if (summary === null) return <p className="muted">{t('reports.weekly.loading')}</p>;

  const edited = text !== summary.summaryText || notes !== summary.notes;
  const editable = summary.state === 'draft';
  const week = summary.weekStart;

  /** Stores the edits first, so that Submit and export use what is on screen. */
  const saveEdits = async (): Promise<boolean> => {
    if (!edited || !editable) return true;
    const saved = await act('save', () => api.saveWeeklySummary({ weekStart: week, edit: { summaryText: text, notes } }));
    if (saved) show(saved);
    return saved !== null;
  };

  const save = async () => {
    if (await saveEdits()) setOutcome({ key: 'saved' });
  };

  const regenerate = async () => {
    const next = await act('regenerate', () => api.regenerateWeeklySummary({ weekStart: week }));
    if (next) show(next);
  };

  const submit = async () => {
    if (!(await saveEdits())) return;
    const next = await act('submit', () => api.submitWeeklySummary({ weekStart: week }));
    if (next) show(next);
  };

  const exportPdf = async () => {
    if (!(await saveEdits())) return;
    if (inDesktop) {
      const result = await act('pdf', () => api.exportWeeklySummaryPdf({ weekStart: week, language }));
      if (result) setOutcome(result.saved && result.path ? { key: 'pdfSaved', path: result.path, bytes: result.bytes } : { key: 'pdfCancelled' });
      return;
    }
    const rendered = await act('pdf', () => api.renderWeeklySummaryHtml({ weekStart: week, language }));
    if (!rendered) return;
    const url = URL.createObjectURL(new Blob([rendered.html], { type: 'text/html' }));
    // With 'noopener' window.open always returns null, so the opener is cut by hand to tell a blocked pop-up apart.
    const opened = window.open(url, '_blank');
    if (opened) opened.opener = null;
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (opened === null) {
      downloadText(htmlFileName(rendered.fileName), rendered.html, 'text/html');
      setOutcome({ key: 'htmlDownloaded', file: htmlFileName(rendered.fileName) });
    } else setOutcome({ key: 'htmlOpened' });
  };

  const downloadHtml = async () => {
    if (!(await saveEdits())) return;
    const rendered = await act('html', () => api.renderWeeklySummaryHtml({ weekStart: week, language }));
    if (!rendered) return;
    downloadText(htmlFileName(rendered.fileName), rendered.html, 'text/html');
    setOutcome({ key: 'htmlDownloaded', file: htmlFileName(rendered.fileName) });
  };

  return (
    <div className="weekly-summary" data-testid="weekly-summary">
      <div className="toolbar">
        <p className="week-range">
          <strong>{t('reports.weekly.weekOf', { from: formatDayKey(summary.weekStart, language), to: formatDayKey(summary.weekEnd, language) })}</strong>
        </p>
        <div className="actions" role="group" aria-label={t('reports.weekly.heading')}>
          <Button className="button button-quiet" onPress={() => setWeekStart(shiftDate(week, -7))}>
            {t('reports.weekly.previous')}
          </Button>
          <Button className="button button-quiet" onPress={() => setWeekStart(null)}>
            {t('reports.weekly.current')}
          </Button>
          <Button className="button button-quiet" onPress={() => setWeekStart(shiftDate(week, 7))}>
            {t('reports.weekly.next')}
          </Button>
        </div>
      </div>

      <p className="muted">
        {summary.meeting
          ? t('reports.weekly.meeting', { date: formatDayKey(summary.meeting.date, language), time: formatClockText(summary.meeting.time, language) })
          : t('reports.weekly.noMeeting')}
      </p>
      <TotalsTable summary={summary} />

      <TextField className="report-field wide" value={text} onChange={setText} isDisabled={!editable}>
        <Label className="field-label">{t('reports.weekly.summaryText')}</Label>
        <TextArea rows={8} />
        <Text slot="description" className="field-hint">
          {summary.summaryEdited ? t('reports.weekly.summaryEdited') : t('reports.weekly.summaryGenerated')}
        </Text>
      </TextField>
      <TextField className="report-field wide" value={notes} onChange={setNotes} isDisabled={!editable}>
        <Label className="field-label">{t('reports.weekly.notes')}</Label>
        <TextArea rows={4} />
      </TextField>

      <div className="report-actions">
        {editable && (
          <>
            <Button className="button button-secondary" isPending={busy === 'regenerate'} isDisabled={busy !== null} onPress={() => void regenerate()}>
              {t('reports.weekly.regenerate')}
            </Button>
            <Button className="button button-secondary" isPending={busy === 'save'} isDisabled={busy !== null || !edited} onPress={() => void save()}>
              {t('reports.weekly.save')}
            </Button>
            <Button className="button button-primary" isPending={busy === 'submit'} isDisabled={busy !== null} onPress={() => void submit()}>
              {t('reports.weekly.submit')}
            </Button>
          </>
        )}
        <Button className="button button-secondary" isPending={busy === 'pdf'} isDisabled={busy !== null} onPress={() => void exportPdf()}>
          {t('reports.weekly.exportPdf')}
        </Button>
        <Button className="button button-quiet" isPending={busy === 'html'} isDisabled={busy !== null} onPress={() => void downloadHtml()}>
          {t('reports.weekly.downloadHtml')}
        </Button>
      </div>

      <div role="status" className="outcome" data-testid="weekly-outcome">
        {summary.state === 'submitted' && summary.submittedAt !== null && (
          <p>{t('reports.weekly.submittedAt', { time: formatDateTime(summary.submittedAt, zone, language) })}</p>
        )}
        {outcome?.key === 'saved' && <p>{t('reports.weekly.saved')}</p>}
        {outcome?.key === 'pdfCancelled' && <p>{t('reports.weekly.pdfCancelled')}</p>}
        {outcome?.key === 'htmlOpened' && <p>{t('reports.weekly.htmlOpened')}</p>}
        {outcome?.key === 'pdfSaved' && <p>{t('reports.weekly.pdfSaved', { path: outcome.path, size: formatBytes(outcome.bytes, localeOf(language)) })}</p>}
        {outcome?.key === 'htmlDownloaded' && <p>{t('reports.weekly.htmlDownloaded', { file: outcome.file })}</p>}
      </div>
    </div>
  );
}
