// One day's report on the Laporan page: loaded from the core, saved as the person types (debounced),
// kept in a browser copy until the core has stored it, and submitted. A rejected save never changes
// what is on screen: the form keeps the typing and the error names the field.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompanionApi, IpcError } from '../../shared/ipc';
import type { DailyReportView } from '../../shared/reports';
import {
  draftFromForm,
  EMPTY_FORM,
  formFromReport,
  invalidNumberField,
  readLocalCopy,
  sameContent,
  writeLocalCopy,
  type FieldPath,
  type ReportForm,
} from '../components/reports/draft';

/** Pause after the last keystroke before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type DraftProblem = { kind: 'core'; error: IpcError } | { kind: 'number'; value: string };

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; field: FieldPath | null; problem: DraftProblem };

export interface ReportDraft {
  date: string | null;
  view: DailyReportView | null;
  form: ReportForm;
  status: SaveStatus;
  /** True when unsaved typing from an earlier visit was put back into the form. */
  restored: boolean;
  submitting: boolean;
  loadError: IpcError | null;
  /** Applies a change to the form as it is now (not as it was at render time) and schedules a save. */
  update: (change: (current: ReportForm) => ReportForm) => void;
  /** Saves what is pending now; resolves true when the core stores the form as shown. */
  saveNow: () => Promise<boolean>;
  submit: () => Promise<void>;
  changeDate: (date: string | null) => Promise<void>;
  reload: () => Promise<void>;
}

/** `decimalMark` is how the reader writes decimals; a change applies to the next report read. */
export function useReportDraft(api: CompanionApi, decimalMark: '.' | ','): ReportDraft {
  const [date, setDate] = useState<string | null>(null);
  const [view, setView] = useState<DailyReportView | null>(null);
  const [form, setForm] = useState<ReportForm>(EMPTY_FORM);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [loadError, setLoadError] = useState<IpcError | null>(null);

  // Refs hold what the asynchronous save needs to see at the moment it runs, not at render time.
  const formRef = useRef<ReportForm>(EMPTY_FORM);
  const dateRef = useRef<string | null>(null);
  const revisionRef = useRef(0);
  const dirty = useRef(false);
  const reportStored = useRef(false);
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  // A ref, so that switching the language does not read the report again and lose the chosen date.
  const decimalMarkRef = useRef(decimalMark);
  decimalMarkRef.current = decimalMark;

  const setFormBoth = useCallback((next: ReportForm) => {
    formRef.current = next;
    setForm(next);
  }, []);

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  /** Copies the ids the core assigned into the rows that were sent without one. */
  const adoptIds = useCallback(
    (sent: ReportForm, stored: DailyReportView) => {
      const ids = new Map<string, string>();
      sent.activities.forEach((activity, index) => {
        const id = stored.report?.activities[index]?.id;
        if (!activity.id && id) ids.set(activity.key, id);
      });
      if (ids.size === 0) return;
      setFormBoth({
        ...formRef.current,
        activities: formRef.current.activities.map((activity) => (ids.has(activity.key) ? { ...activity, id: ids.get(activity.key)! } : activity)),
      });
    },
    [setFormBoth],
  );

  const runSave = useCallback(async (): Promise<boolean> => {
    const day = dateRef.current;
    if (day === null || !dirty.current) return true;
    const sent = formRef.current;

    const badNumber = invalidNumberField(sent);
    if (badNumber) {
      setStatus({ kind: 'failed', field: badNumber.field, problem: { kind: 'number', value: badNumber.value } });
      return false;
    }

    dirty.current = false;
    setStatus({ kind: 'saving' });
    const result = await api.saveDraft({ date: day, draft: draftFromForm(sent) });
    if (dateRef.current !== day) return result.ok;

    if (!result.ok) {
      // The core kept its stored draft; the form and the browser copy keep the typing.
      dirty.current = true;
      setStatus({ kind: 'failed', field: result.error.field ?? null, problem: { kind: 'core', error: result.error } });
      return false;
    }

    setView(result.value);
    revisionRef.current = result.value.report?.revision ?? 0;
    reportStored.current = result.value.report !== null;
    adoptIds(sent, result.value);
    if (sameContent(formRef.current, sent)) {
      writeLocalCopy(window.localStorage, day, null);
      setStatus({ kind: 'saved', at: result.value.report?.updatedAt ?? Date.now() });
      return true;
    }
    writeLocalCopy(window.localStorage, day, { baseRevision: revisionRef.current, form: formRef.current });
    setStatus({ kind: 'pending' });
    return false;
  }, [api, adoptIds]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    const save = runSave();
    inFlight.current = save;
    try {
      return await save;
    } finally {
      inFlight.current = null;
    }
  }, [runSave]);

  const schedule = useCallback(() => {
    clearTimer();
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const update = useCallback(
    (change: (current: ReportForm) => ReportForm) => {
      const day = dateRef.current;
      if (day === null) return;
      const next = change(formRef.current);
      setFormBoth(next);
      dirty.current = true;
      writeLocalCopy(window.localStorage, day, { baseRevision: revisionRef.current, form: next });
      setStatus((current) => (current.kind === 'failed' ? current : { kind: 'pending' }));
      schedule();
    },
    [schedule, setFormBoth],
  );

  /** Shows a freshly read day, putting back unsaved typing when the core still has the revision it was based on. */
  const show = useCallback(
    (next: DailyReportView) => {
      setView(next);
      dateRef.current = next.date;
      setDate(next.date);
      revisionRef.current = next.report?.revision ?? 0;
      reportStored.current = next.report !== null;
      const stored = formFromReport(next.report, decimalMarkRef.current);
      const copy = readLocalCopy(window.localStorage, next.date);
      const usable = copy !== null && next.editable && copy.baseRevision === revisionRef.current && !sameContent(copy.form, stored);

      if (usable) {
        setFormBoth(copy.form);
        setRestored(true);
        dirty.current = true;
        setStatus({ kind: 'pending' });
        schedule();
        return;
      }
      if (copy !== null) writeLocalCopy(window.localStorage, next.date, null);
      setFormBoth(stored);
      setRestored(false);
      dirty.current = false;
      setStatus(next.report ? { kind: 'saved', at: next.report.updatedAt } : { kind: 'idle' });
    },
    [schedule, setFormBoth],
  );

  const load = useCallback(
    async (day: string | null) => {
      setLoadError(null);
      const result = await api.getDailyReport(day === null ? {} : { date: day });
      if (result.ok) show(result.value);
      else setLoadError(result.error);
    },
    [api, show],
  );

  const changeDate = useCallback(
    async (day: string | null) => {
      await saveNow();
      setView(null);
      await load(day);
    },
    [load, saveNow],
  );

  const reload = useCallback(() => load(dateRef.current), [load]);

  const submit = useCallback(async () => {
    const day = dateRef.current;
    if (day === null) return;
    setSubmitting(true);
    try {
      // An untouched new report exists only on screen; it is saved first so that the core checks what is shown.
      if (!reportStored.current) dirty.current = true;
      if (!(await saveNow())) return;
      const result = await api.submitDailyReport({ date: day });
      if (result.ok) {
        show(result.value);
        return;
      }
      setStatus({ kind: 'failed', field: result.error.field ?? null, problem: { kind: 'core', error: result.error } });
    } finally {
      setSubmitting(false);
    }
  }, [api, saveNow, show]);

  useEffect(() => {
    void load(null);
  }, [load]);

  // Leaving the page saves what is pending at once instead of waiting for the timer.
  useEffect(
    () => () => {
      if (timer.current !== null) void saveNow();
    },
    [saveNow],
  );

  return { date, view, form, status, restored, submitting, loadError, update, saveNow, submit, changeDate, reload };
}
