import type { Migration } from '../migrate';

/** The code and detail of an outbox record's last error, so the reason can be shown in either language. */
export const outboxErrorCode: Migration = {
  version: 7,
  name: 'outbox-error-code',
  sql: `
    ALTER TABLE outbox_events ADD COLUMN last_error_code TEXT;
    ALTER TABLE outbox_events ADD COLUMN last_error_detail TEXT;
  `,
};
