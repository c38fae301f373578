// Lets the compliance schedule run in the desktop app and feeds it two events that only the shell
// receives: the machine waking from sleep (powerMonitor "resume") and the network coming back
// (net.isOnline() turning true). The main process gets no event for the latter, so it is polled. The
// core also watches the network interfaces itself, so a missed poll only delays a run.
import type { ComplianceSchedule } from '../core/compliance/schedule';
import type { Logger } from '../core/logger';
import type { ResumeSource } from './delivery';

export interface ComplianceTriggerOptions {
  /** Companion.startComplianceSchedule: the schedule then follows check-in and check-out. */
  startSchedule: () => void;
  schedule: Pick<ComplianceSchedule, 'resumed' | 'networkChanged' | 'stop'>;
  powerMonitor: ResumeSource;
  isOnline: () => boolean;
  onlinePollMs?: number;
  logger: Logger;
}

export const DEFAULT_COMPLIANCE_ONLINE_POLL_MS = 15_000;

/** Starts the schedule and its shell triggers; returns a function that removes them and stops it. */
export function attachComplianceTriggers(options: ComplianceTriggerOptions): () => void {
  const { schedule, powerMonitor, logger } = options;

  const onResume = () => {
    logger.info('Machine resumed; asking for a compliance run');
    schedule.resumed();
  };
  powerMonitor.on('resume', onResume);

  let wasOnline = options.isOnline();
  const poll = setInterval(() => {
    const online = options.isOnline();
    if (online && !wasOnline) {
      logger.info('Network is back; asking for a compliance run');
      schedule.networkChanged();
    }
    wasOnline = online;
  }, options.onlinePollMs ?? DEFAULT_COMPLIANCE_ONLINE_POLL_MS);
  poll.unref();

  options.startSchedule();

  return () => {
    clearInterval(poll);
    powerMonitor.removeListener('resume', onResume);
    schedule.stop();
  };
}
