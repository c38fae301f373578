// The daily report as the form edits it, its conversion to the contract's draft, and the browser
// copy that keeps unsaved typing across a reload. Numbers stay text while typed, so "1," half-way
// through "1,5" is never thrown away.
import type { ActivityStatus, AttachmentRef, DailyReport, DailyReportDraft } from '../../../shared/reports';

export interface ActivityForm {
  /** Stable React key, local to this page. */
  key: string;
  /** The core's id once a save returned one. */
  id?: string;
  description: string;
  output: string;
  status: ActivityStatus;
  link: string;
  attachment: AttachmentRef | null;
  hours: string;
  targetId: string;
  quantity: string;
}

export interface ReportForm {
  activities: ActivityForm[];
  obstacles: string;
  plan: string;
}

/** A form field: `obstacles`, `plan`, `activities` (the list) or `activities.<index>.<name>`. */
export type FieldPath = string;

let keyCounter = 0;

export function newActivityKey(): string {
  keyCounter += 1;
  return `activity-${Date.now().toString(36)}-${keyCounter}`;
}

export function emptyActivity(): ActivityForm {
  return { key: newActivityKey(), description: '', output: '', status: 'done', link: '', attachment: null, hours: '', targetId: '', quantity: '' };
}

export const EMPTY_FORM: ReportForm = { activities: [], obstacles: '', plan: '' };

function numberText(value: number | null, decimalMark: '.' | ','): string {
  return value === null ? '' : String(value).replace('.', decimalMark);
}

/** Builds the form for a stored report, writing decimals with the reader's mark ("1,5" in Indonesian). */
export function formFromReport(report: DailyReport | null, decimalMark: '.' | ',' = '.'): ReportForm {
  if (report === null) return { activities: [emptyActivity()], obstacles: '', plan: '' };
  return {
    activities: report.activities.map((activity) => ({
      key: activity.id,
      id: activity.id,
      description: activity.description,
      output: activity.output,
      status: activity.status,
      link: activity.link ?? '',
      attachment: activity.attachment,
      hours: numberText(activity.hours, decimalMark),
      targetId: activity.targetId ?? '',
      quantity: numberText(activity.quantity, decimalMark),
    })),
    obstacles: report.obstacles,
    plan: report.plan,
  };
}

/** Reads a number typed in either language ("1,5" or "1.5"); null for an empty field, NaN for text. */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** Returns the first activity field holding text that is not a number, or null. */
export function invalidNumberField(form: ReportForm): { field: FieldPath; value: string } | null {
  for (const [index, activity] of form.activities.entries()) {
    if (Number.isNaN(parseTypedNumber(activity.hours))) return { field: `activities.${index}.hours`, value: activity.hours };
    const quantity = parseTypedNumber(activity.quantity);
    if (Number.isNaN(quantity) || (quantity !== null && !Number.isInteger(quantity))) {
      return { field: `activities.${index}.quantity`, value: activity.quantity };
    }
  }
  return null;
}

/** Converts the form to the draft the contract accepts. Call it only after invalidNumberField returned null. */
export function draftFromForm(form: ReportForm): DailyReportDraft {
  return {
    activities: form.activities.map((activity) => ({
      ...(activity.id ? { id: activity.id } : {}),
      description: activity.description,
      output: activity.output,
      status: activity.status,
      link: activity.link.trim() === '' ? null : activity.link.trim(),
      attachment: activity.attachment,
      hours: parseTypedNumber(activity.hours),
      targetId: activity.targetId === '' ? null : activity.targetId,
      quantity: parseTypedNumber(activity.quantity),
    })),
    obstacles: form.obstacles,
    plan: form.plan,
  };
}

/** Tells whether two forms hold the same content (keys aside). */
export function sameContent(left: ReportForm, right: ReportForm): boolean {
  return JSON.stringify(draftFromFormLoose(left)) === JSON.stringify(draftFromFormLoose(right));
}

function draftFromFormLoose(form: ReportForm) {
  return { ...form, activities: form.activities.map(({ key: _key, id: _id, ...rest }) => rest) };
}

// The browser copy of typing the core has not stored yet, with the revision it was based on. A copy
// is restored only while the core still has that revision, so a newer save elsewhere wins.
interface LocalCopy {
  baseRevision: number;
  form: ReportForm;
}

const LOCAL_COPY_PREFIX = 'asn-companion.report-draft.';

/** The part of the Web Storage API the copy uses (window.localStorage in the page). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function readLocalCopy(storage: KeyValueStorage, date: string): LocalCopy | null {
  try {
    const text = storage.getItem(LOCAL_COPY_PREFIX + date);
    if (text === null) return null;
    const copy = JSON.parse(text) as LocalCopy;
    if (typeof copy.baseRevision !== 'number' || !Array.isArray(copy.form?.activities)) return null;
    return copy;
  } catch {
    // Storage can be disabled or hold a copy from another version; the core's draft is used then.
    return null;
  }
}

export function writeLocalCopy(storage: KeyValueStorage, date: string, copy: LocalCopy | null): void {
  try {
    if (copy === null) storage.removeItem(LOCAL_COPY_PREFIX + date);
    else storage.setItem(LOCAL_COPY_PREFIX + date, JSON.stringify(copy));
  } catch {
    // A full or disabled storage only loses the reload safety net; the debounced save still runs.
  }
}
