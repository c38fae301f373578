import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { worktimePresence } from './0002-worktime-presence';
import { complianceSignatures } from './0003-compliance-signatures';
import { requests } from './0004-requests';
import { reports } from './0005-reports';
import { claimsTraining } from './0006-claims-training';
import { outboxErrorCode } from './0007-outbox-error-code';

/** Every migration in order; append new ones, never edit an applied one. */
export const migrations: readonly Migration[] = [initial, worktimePresence, complianceSignatures, requests, reports, claimsTraining, outboxErrorCode];
