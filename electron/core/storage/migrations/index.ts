import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { worktimePresence } from './0002-worktime-presence';

/** Every migration in order; append new ones, never edit an applied one. */
export const migrations: readonly Migration[] = [initial, worktimePresence];
