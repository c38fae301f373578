// Notification texts of request alerts in both languages. The core writes them, so the tray, the
// window and the CLI show the same words; times are in the policy zone (e.g. "10.30 WIB").
import type { LocalizedText } from '../../../shared/domain';
import type { RequestAlertKind, RequestLevel } from '../../../shared/requests';
import { formatClock, zoneAbbreviation } from '../../../shared/zones';

export interface AlertTextInput {
  kind: RequestAlertKind;
  level: RequestLevel;
  sender: string;
  subject: string;
  dueAt: number;
  now: number;
  zone: string;
}

const levelName: Record<RequestLevel, LocalizedText> = {
  urgent: { id: 'mendesak', en: 'urgent' },
  emergency: { id: 'darurat', en: 'emergency' },
};

function titleFor(kind: RequestAlertKind, level: RequestLevel): LocalizedText {
  const name = levelName[level];
  if (kind === 'new') return { id: `Permintaan ${name.id} baru`, en: `New ${name.en} request` };
  if (kind === 'reminder') return { id: `Pengingat: permintaan ${name.id} belum dijawab`, en: `Reminder: ${name.en} request not answered yet` };
  return { id: `Tenggat permintaan ${name.id} terlewati`, en: `${name.en[0]!.toUpperCase()}${name.en.slice(1)} request past its deadline` };
}

/** Whole minutes left until the deadline, rounded up so "0 minutes left" never shows before it passes. */
function minutesLeft(dueAt: number, now: number): number {
  return Math.max(0, Math.ceil((dueAt - now) / 60_000));
}

function deadlineLine(input: AlertTextInput): LocalizedText {
  const time = `${formatClock(input.dueAt, input.zone)} ${zoneAbbreviation(input.zone)}`;
  if (input.now >= input.dueAt) {
    return { id: `Tenggat ${time} sudah lewat; jawab secepatnya.`, en: `The deadline of ${time} has passed; answer as soon as you can.` };
  }
  if (input.kind === 'reminder') {
    const left = minutesLeft(input.dueAt, input.now);
    return { id: `Sisa waktu ${left} menit (tenggat ${time}).`, en: `${left} minutes left (deadline ${time}).` };
  }
  return { id: `Jawab sebelum ${time}.`, en: `Answer by ${time}.` };
}

export function alertTexts(input: AlertTextInput): { title: LocalizedText; body: LocalizedText } {
  const deadline = deadlineLine(input);
  return {
    title: titleFor(input.kind, input.level),
    body: {
      id: `${input.sender}: ${input.subject}. ${deadline.id}`,
      en: `${input.sender}: ${input.subject}. ${deadline.en}`,
    },
  };
}
