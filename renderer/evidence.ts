// Labels and units for the evidence and policy values of a check result. The core stores plain
// numbers whose key names the unit (downloadMbps, latencyMs, bytesUsed, minChargePercent), so the
// unit is taken from the key's suffix. Keys without a translated label are shown in readable words.
import type { CheckName, Language, LocalizedText } from '../shared/domain';
import { locales } from '../shared/locales';
import { formatNumber } from './format';

export interface EvidenceRow {
  key: string;
  label: string;
  value: string;
  /** Rows of a nested record (e.g. the download details of a speed test), shown as a sub-list. */
  children?: EvidenceRow[];
}

interface Unit {
  suffix: RegExp;
  format: (value: number, language: Language) => string;
}

const units: Unit[] = [
  { suffix: /Mbps$/, format: (value, language) => `${formatNumber(value, language)} Mbps` },
  { suffix: /Ms$/, format: (value, language) => `${formatNumber(value, language)} ms` },
  { suffix: /Percent$/, format: (value, language) => `${formatNumber(value, language)}%` },
  { suffix: /Seconds$/, format: (value, language) => `${formatNumber(value, language, 0)} s` },
  { suffix: /Minutes$/, format: (value, language) => `${formatNumber(value, language, 0)} min` },
  { suffix: /^bytes$|Bytes$|^bytesUsed$/, format: formatBytes },
];

/** The evidence a person needs to understand the verdict; the rest goes under "Detail lengkap". */
const keyEvidence: Record<CheckName, readonly string[]> = {
  speed: ['downloadMbps', 'downloadLinkRateMbps', 'uploadMbps', 'uploadLinkRateMbps', 'latencyMs', 'jitterMs', 'bytesUsed'],
  vpn: ['routes', 'probe', 'hintedAdapters', 'adapterNote', 'dnsSuffixNote', 'lanOverlapNote'],
  power: ['hasBattery', 'healthPercent', 'chargePercent', 'acConnected', 'ups'],
};

/** Shown first for every check, because they explain a skipped or broken run. */
const statusEvidence = ['error', 'skipped', 'aborted'];

// The speed check also stores an English-only sentence on how its figures compare with the policy.
// The policy's "thresholdMeaning" row already states that in both languages, so the sentence and its
// key reference are left out rather than shown untranslated.
const hiddenEvidence = new Set(['comparison', 'comparedFigure']);

function formatBytes(value: number, language: Language): string {
  if (value < 1_000_000) return `${formatNumber(value / 1000, language)} kB`;
  return `${formatNumber(value / 1_000_000, language)} MB`;
}

/** "minUpsRuntimeSeconds" becomes "Min ups runtime seconds" when no translation exists. */
function readableKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Looks a word up directly rather than through t(), because values may contain i18next separators. */
function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function isLocalizedText(value: object): value is LocalizedText {
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.en === 'string' && Object.keys(record).length === 2;
}

export function evidenceLabel(key: string, language: Language): string {
  return lookup(locales[language].evidence, key) ?? readableKey(key);
}

export function formatEvidenceValue(key: string, value: unknown, language: Language): string {
  const texts = locales[language].compliance;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? texts.yes : texts.no;

  if (typeof value === 'number') {
    const unit = units.find((candidate) => candidate.suffix.test(key));
    return unit ? unit.format(value, language) : formatNumber(value, language, 2);
  }

  if (typeof value === 'string') return lookup(locales[language].evidenceValue, value) ?? value;

  if (Array.isArray(value)) {
    if (value.length === 0) return texts.empty;
    return value.map((item) => formatEvidenceValue(key, item, language)).join('; ');
  }

  if (typeof value === 'object') return formatObject(value, language);
  return String(value);
}

/** Formats a text in both languages in the page's language, and a record with a description as that description. */
function formatObject(value: object, language: Language): string {
  if (isLocalizedText(value)) return value[language];

  const description = (value as Record<string, unknown>).description;
  if (typeof description === 'object' && description !== null && isLocalizedText(description)) return description[language];

  return Object.entries(value)
    .map(([innerKey, innerValue]) => `${evidenceLabel(innerKey, language)}: ${formatEvidenceValue(innerKey, innerValue, language)}`)
    .join(', ');
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isLocalizedText(value)) return false;
  const description = (value as Record<string, unknown>).description;
  return !(typeof description === 'object' && description !== null && isLocalizedText(description));
}

function toRow(key: string, value: unknown, language: Language): EvidenceRow {
  const label = evidenceLabel(key, language);
  if (isPlainRecord(value)) return { key, label, value: '', children: valueRows(value, language) };
  return { key, label, value: formatEvidenceValue(key, value, language) };
}

export function valueRows(record: Record<string, unknown>, language: Language): EvidenceRow[] {
  return Object.entries(record).map(([key, value]) => toRow(key, value, language));
}

/**
 * Splits a check's evidence into the key rows shown at once and the detail rows behind a disclosure.
 * When none of the key fields is present (an unexpected shape), every field is a key row.
 */
export function evidenceSections(
  check: CheckName,
  evidence: Record<string, unknown>,
  language: Language,
): { key: EvidenceRow[]; details: EvidenceRow[] } {
  const visible = Object.entries(evidence).filter(([key]) => !hiddenEvidence.has(key));
  const wanted = new Set([...statusEvidence, ...keyEvidence[check]]);
  const keyEntries = visible.filter(([key]) => wanted.has(key));

  if (keyEntries.length === 0) return { key: visible.map(([key, value]) => toRow(key, value, language)), details: [] };

  const order = [...statusEvidence, ...keyEvidence[check]];
  keyEntries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const detailEntries = visible.filter(([key]) => !wanted.has(key));
  return {
    key: keyEntries.map(([key, value]) => toRow(key, value, language)),
    details: detailEntries.map(([key, value]) => toRow(key, value, language)),
  };
}
