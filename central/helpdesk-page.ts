// The helpdesk page of the reference server: one table of every device, in Bahasa Indonesia or
// English. Every value from the database goes through escapeHtml, because device names and reasons
// come from devices and must never become markup.
import type { HelpdeskDevice, SnapshotVerification } from '../shared/central-api';
import type { Language, Verdict } from '../shared/domain';

/** The page shows times in WIB, the zone of most agencies; the JSON endpoint has UTC milliseconds. */
const PAGE_ZONE = 'Asia/Jakarta';

const texts = {
  id: {
    title: 'Meja bantuan TI: perangkat terdaftar',
    intro: 'Hasil pemeriksaan terakhir tiap perangkat, diperiksa dengan kunci publik yang didaftarkan perangkat itu.',
    switchLanguage: 'English',
    empty: 'Belum ada perangkat yang terdaftar.',
    columns: ['Perangkat', 'Terdaftar', 'Terakhir terlihat', 'Snapshot terakhir', 'Kecepatan', 'VPN', 'Daya', 'Keseluruhan', 'Tanda tangan'],
    unnamed: '(tanpa nama)',
    never: 'belum pernah',
    noSnapshot: 'belum ada',
    notChecked: '–',
    verdicts: { pass: 'lulus', warn: 'peringatan', fail: 'gagal', unknown: 'tidak diketahui', error: 'galat' } satisfies Record<Verdict, string>,
    verification: { valid: 'sah', invalid: 'tidak sah', unsigned: 'tanpa tanda tangan', no_key: 'tidak ada kunci terdaftar' } satisfies Record<SnapshotVerification['status'], string>,
  },
  en: {
    title: 'IT helpdesk: enrolled devices',
    intro: "Each device's latest check result, verified with the public key that device registered.",
    switchLanguage: 'Bahasa Indonesia',
    empty: 'No device is enrolled yet.',
    columns: ['Device', 'Enrolled', 'Last seen', 'Latest snapshot', 'Speed', 'VPN', 'Power', 'Overall', 'Signature'],
    unnamed: '(no name)',
    never: 'never',
    noSnapshot: 'none yet',
    notChecked: '–',
    verdicts: { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'unknown', error: 'error' } satisfies Record<Verdict, string>,
    verification: { valid: 'valid', invalid: 'invalid', unsigned: 'unsigned', no_key: 'no key registered' } satisfies Record<SnapshotVerification['status'], string>,
  },
} satisfies Record<Language, unknown>;

/** Escapes the five characters that can end an HTML text node or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function formatTime(at: number, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: PAGE_ZONE,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(at);
  return `${formatted} WIB`;
}

function verdictCell(verdict: Verdict | undefined, language: Language): string {
  if (verdict === undefined) return `<td>${texts[language].notChecked}</td>`;
  return `<td class="verdict-${verdict}">${escapeHtml(texts[language].verdicts[verdict])}</td>`;
}

function verificationCell(verification: SnapshotVerification, language: Language): string {
  const label = escapeHtml(texts[language].verification[verification.status]);
  const reason = verification.reason ? `: ${escapeHtml(verification.reason[language])}` : '';
  return `<td class="signature-${verification.status}" data-status="${verification.status}">${label}${reason}</td>`;
}

function deviceRow(device: HelpdeskDevice, language: Language): string {
  const text = texts[language];
  const name = device.deviceName ?? text.unnamed;
  const cells = [
    `<td><strong>${escapeHtml(name)}</strong><br><code>${escapeHtml(device.deviceId)}</code></td>`,
    `<td>${escapeHtml(formatTime(device.enrolledAt, language))}</td>`,
    `<td>${escapeHtml(device.lastSeenAt === null ? text.never : formatTime(device.lastSeenAt, language))}</td>`,
  ];

  const snapshot = device.latestSnapshot;
  if (snapshot === null) {
    cells.push(`<td colspan="6">${escapeHtml(text.noSnapshot)}</td>`);
  } else {
    const verdictOf = (check: string) => snapshot.checks.find((entry) => entry.check === check)?.verdict;
    cells.push(
      `<td>${escapeHtml(formatTime(snapshot.createdAt, language))}</td>`,
      verdictCell(verdictOf('speed'), language),
      verdictCell(verdictOf('vpn'), language),
      verdictCell(verdictOf('power'), language),
      verdictCell(snapshot.overall, language),
      verificationCell(snapshot.verification, language),
    );
  }
  return `<tr data-device="${escapeHtml(device.deviceId)}">${cells.join('')}</tr>`;
}

/** Renders the whole page; `language` picks the texts, and the page links to the other language. */
export function renderHelpdeskPage(devices: readonly HelpdeskDevice[], language: Language): string {
  const text = texts[language];
  const other = language === 'id' ? 'en' : 'id';
  const head = text.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const body = devices.length === 0 ? `<p>${escapeHtml(text.empty)}</p>` : `<table><thead><tr>${head}</tr></thead><tbody>${devices.map((device) => deviceRow(device, language)).join('')}</tbody></table>`;

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(text.title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
  .verdict-pass, .signature-valid { background: #d9f2d9; }
  .verdict-warn, .verdict-unknown, .signature-unsigned, .signature-no_key { background: #fff2cc; }
  .verdict-fail, .verdict-error, .signature-invalid { background: #f8d0d0; }
</style>
</head>
<body>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)} <a href="/helpdesk?lang=${other}">${escapeHtml(text.switchLanguage)}</a></p>
${body}
</body>
</html>
`;
}
