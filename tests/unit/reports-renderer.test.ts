// The Laporan page's form model and calendar helpers, which run in the renderer but need no DOM:
// typed numbers, the draft sent to the core, the field the core names in a rejection, and the local copy.
import { describe, expect, it } from 'vitest';
import {
  draftFromForm,
  emptyActivity,
  formFromReport,
  invalidNumberField,
  parseTypedNumber,
  readLocalCopy,
  sameContent,
  writeLocalCopy,
  type KeyValueStorage,
  type ReportForm,
} from '../../renderer/components/reports/draft';
import { defaultPeriod, mondayOf, shiftDate } from '../../renderer/report-dates';
import { isCompanionError } from '../../electron/core/errors';
import { checkSubmittable, normalizeDraft } from '../../electron/core/reports/validate';
import type { DailyReport } from '../../shared/reports';

function form(overrides: Partial<ReportForm['activities'][number]> = {}, rest: Partial<ReportForm> = {}): ReportForm {
  return {
    activities: [{ ...emptyActivity(), description: 'Menyusun draf SK mutasi', output: 'Draf SK, 3 halaman', ...overrides }],
    obstacles: '',
    plan: '',
    ...rest,
  };
}

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('parseTypedNumber', () => {
  it('reads both decimal marks', () => {
    expect(parseTypedNumber('1,5')).toBe(1.5);
    expect(parseTypedNumber('1.5')).toBe(1.5);
  });

  it('returns null for an empty field', () => {
    expect(parseTypedNumber('  ')).toBeNull();
  });

  it('returns NaN for text', () => {
    expect(parseTypedNumber('dua')).toBeNaN();
    expect(parseTypedNumber('1,')).toBeNaN();
  });
});

describe('invalidNumberField', () => {
  it('names the hours field', () => {
    expect(invalidNumberField(form({ hours: 'tiga' }))).toEqual({ field: 'activities.0.hours', value: 'tiga' });
  });

  it('rejects a fractional quantity', () => {
    expect(invalidNumberField(form({ quantity: '1,5' }))).toEqual({ field: 'activities.0.quantity', value: '1,5' });
  });

  it('accepts empty numbers', () => {
    expect(invalidNumberField(form())).toBeNull();
  });
});

describe('draftFromForm', () => {
  it('turns empty fields into null', () => {
    const [activity] = draftFromForm(form()).activities;
    expect(activity).toMatchObject({ link: null, hours: null, targetId: null, quantity: null, attachment: null });
  });

  it('keeps the core id', () => {
    const [activity] = draftFromForm(form({ id: 'act-7', hours: '2,25', targetId: 'target-1', quantity: '3' })).activities;
    expect(activity).toMatchObject({ id: 'act-7', hours: 2.25, targetId: 'target-1', quantity: 3 });
  });

  it('omits a missing id', () => {
    const [activity] = draftFromForm(form()).activities;
    expect(activity).not.toHaveProperty('id');
  });
});

describe('field of a core rejection', () => {
  const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

  /** Sends the form through the core's checks as a save (or a submit) and returns the rejected field. */
  function rejectedField(reportForm: ReportForm, submitting = false): string | undefined | null {
    try {
      const content = normalizeDraft(draftFromForm(reportForm), MAX_ATTACHMENT_BYTES);
      if (submitting) checkSubmittable('2026-12-02', content, () => true);
      return null;
    } catch (error) {
      if (!isCompanionError(error)) throw error;
      return error.field;
    }
  }

  it('names an over-long description', () => {
    const long = form({}, { activities: [form().activities[0]!, { ...emptyActivity(), description: 'x'.repeat(1001) }] });
    expect(rejectedField(long)).toBe('activities.1.description');
  });

  it('counts code points', () => {
    expect(rejectedField(form({ description: '😀'.repeat(1000) }))).toBeNull();
  });

  it('names too many activities', () => {
    const many = form({}, { activities: Array.from({ length: 31 }, () => emptyActivity()) });
    expect(rejectedField(many)).toBe('activities');
  });

  it('names hours over the limit', () => {
    expect(rejectedField(form({ hours: '25' }))).toBe('activities.0.hours');
  });

  it('names the plan', () => {
    expect(rejectedField(form({}, { plan: 'p'.repeat(2001) }))).toBe('plan');
  });

  it('accepts empty fields while typing', () => {
    expect(rejectedField(form({ description: '' }))).toBeNull();
  });

  it('names an empty description on submit', () => {
    expect(rejectedField(form({ description: ' ' }), true)).toBe('activities.0.description');
  });

  it('names a done activity without output', () => {
    expect(rejectedField(form({ output: '' }), true)).toBe('activities.0.output');
  });

  it('names a link that is not a web address', () => {
    expect(rejectedField(form({ link: 'ftp://10.0.0.1/berkas' }), true)).toBe('activities.0.link');
  });

  it('names an empty report on submit', () => {
    expect(rejectedField(form({}, { activities: [] }), true)).toBe('activities');
  });
});

describe('local copy', () => {
  it('round-trips a form', () => {
    const storage = new MemoryStorage();
    const copy = { baseRevision: 3, form: form({ description: 'Telaah nota dinas' }) };
    writeLocalCopy(storage, '2026-12-02', copy);
    expect(readLocalCopy(storage, '2026-12-02')).toEqual(copy);
  });

  it('removes the copy', () => {
    const storage = new MemoryStorage();
    writeLocalCopy(storage, '2026-12-02', { baseRevision: 1, form: form() });
    writeLocalCopy(storage, '2026-12-02', null);
    expect(storage.items.size).toBe(0);
  });

  it('ignores a damaged copy', () => {
    const storage = new MemoryStorage();
    storage.setItem('asn-companion.report-draft.2026-12-02', '{"baseRevision":"x"');
    expect(readLocalCopy(storage, '2026-12-02')).toBeNull();
  });
});

describe('formFromReport', () => {
  const report: DailyReport = {
    date: '2026-12-02',
    state: 'draft',
    activities: [
      { id: 'a1', description: 'Rapat', output: 'Notula', status: 'done', link: null, attachment: null, hours: 1.5, targetId: null, quantity: null },
    ],
    obstacles: 'VPN putus',
    plan: 'Lanjut',
    late: false,
    revision: 2,
    createdAt: 1,
    updatedAt: 2,
    submittedAt: null,
  };

  it('starts a new report with one row', () => {
    expect(formFromReport(null).activities).toHaveLength(1);
  });

  it('writes the Indonesian decimal mark', () => {
    expect(formFromReport(report, ',').activities[0]?.hours).toBe('1,5');
  });

  it('keeps the stored content', () => {
    const loaded = formFromReport(report);
    expect(loaded.activities[0]).toMatchObject({ id: 'a1', hours: '1.5', quantity: '', link: '' });
    expect(sameContent(loaded, formFromReport(report))).toBe(true);
  });
});

describe('report dates', () => {
  it('shifts across a month end', () => {
    expect(shiftDate('2026-11-30', 7)).toBe('2026-12-07');
  });

  it('finds the Monday', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });

  it('defaults a week to Friday', () => {
    expect(defaultPeriod('week', '2026-12-02')).toEqual({ periodStart: '2026-11-30', deadline: '2026-12-04' });
  });

  it('defaults a month to its end', () => {
    expect(defaultPeriod('month', '2026-02-10')).toEqual({ periodStart: '2026-02-01', deadline: '2026-02-28' });
  });
});
