// Human-readable output of the CLI; --json prints the core's objects as they are.
import type { CheckResult, CompanionStatus, ComplianceSnapshot, Language } from '../../shared/domain';
import { formatClock, zoneAbbreviation } from '../../shared/zones';
import { messages } from './messages';

function duration(language: Language, totalMinutes: number): string {
  return messages(language).hours(Math.floor(totalMinutes / 60), totalMinutes % 60);
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function formatRecord(record: Record<string, unknown>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(', ');
}

function formatCheck(language: Language, check: CheckResult): string[] {
  const text = messages(language);
  const lines = [`${text.checkName[check.check]}: ${text.verdict[check.verdict]} — ${check.summary[language]}`];
  lines.push(`  ${text.evidence}: ${formatRecord(check.evidence)}`);
  lines.push(`  ${text.policy}: ${formatRecord(check.policy)}`);
  if (check.remediation.length > 0) {
    lines.push(`  ${text.remediation}:`);
    for (const step of check.remediation) lines.push(`    - ${step[language]}`);
  }
  return lines;
}

export function formatSnapshot(language: Language, snapshot: ComplianceSnapshot): string {
  const text = messages(language);
  const lines = snapshot.checks.flatMap((check) => formatCheck(language, check));
  lines.push('', `${text.overall}: ${text.verdict[snapshot.overall]}`, text.snapshotSaved(snapshot.id));
  return lines.join('\n');
}

export function formatStatus(language: Language, status: CompanionStatus): string {
  const text = messages(language);
  const attendance = status.attendance;
  const zone = zoneAbbreviation(attendance.zone);
  const lines: string[] = [];

  if (status.demoMode) lines.push(text.demoMode);
  lines.push(text.policyLine(status.policy.name[language], status.policy.version));

  if (attendance.session) {
    const since = `${formatClock(attendance.session.startedAt, attendance.zone)} ${zone}`;
    lines.push(text.statusCheckedIn(text.mode[attendance.session.mode], since));
  } else {
    lines.push(text.statusCheckedOut);
  }
  lines.push(text.today(attendance.today, duration(language, attendance.todayMinutes)));
  lines.push(text.week(duration(language, attendance.weekMinutes), duration(language, attendance.weeklyCapMinutes)));
  if (attendance.window) lines.push(text.window(attendance.window.start.replace(':', '.'), attendance.window.end.replace(':', '.'), zone));
  if (attendance.dayOff) lines.push(text.dayOff(attendance.dayOff[language]));

  lines.push(text.outbox(status.outbox.queued + status.outbox.inFlight, status.outbox.sent, status.outbox.dead));
  if (status.lastSnapshot) {
    const at = `${formatClock(status.lastSnapshot.createdAt, attendance.zone)} ${zone}`;
    lines.push(text.lastCheck(text.verdict[status.lastSnapshot.overall], at));
  } else {
    lines.push(text.noCheckYet);
  }
  lines.push(status.enrollment ? text.enrolled(status.enrollment.centralUrl, status.enrollment.deviceId) : text.notEnrolled);
  if (!status.secureStorage.available && status.secureStorage.reason) {
    lines.push(text.secureStorageWarning(status.secureStorage.reason[language]));
  }
  return lines.join('\n');
}
