// Checks report content against REPORT_LIMITS and the policy. Saving checks only what a half-typed
// draft must already satisfy (lengths, ranges, attachment size); submitting also checks completeness.
import { randomUUID } from 'node:crypto';
import { REPORT_LIMITS, type Activity, type DailyReportDraft, type WeeklySummaryEdit } from '../../../shared/reports';
import * as errors from './errors';
import type { FieldName } from './errors';

/** The draft as stored: activities with ids and explicit nulls. */
export interface DraftContent {
  activities: Activity[];
  obstacles: string;
  plan: string;
}

/** Length in characters as the person counts them (code points, so an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function checkLength(field: FieldName & keyof typeof REPORT_LIMITS, text: string, activity?: number): void {
  const limit = REPORT_LIMITS[field];
  const count = characterCount(text);
  if (count > limit) throw errors.tooLong(field, limit, count, activity);
}

function emptyToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === '' ? null : text;
}

/** Validates a draft for saving and returns it as stored; throws CompanionError on the first broken limit. */
export function normalizeDraft(draft: DailyReportDraft, maxAttachmentBytes: number): DraftContent {
  if (draft.activities.length > REPORT_LIMITS.activities) throw errors.tooMany(REPORT_LIMITS.activities, draft.activities.length);

  const activities = draft.activities.map((input, index): Activity => {
    const number = index + 1;
    checkLength('description', input.description, number);
    checkLength('output', input.output, number);
    const link = emptyToNull(input.link);
    if (link !== null) checkLength('link', link, number);

    const attachment = input.attachment ?? null;
    if (attachment !== null) {
      checkLength('attachmentName', attachment.name, number);
      if (attachment.size > maxAttachmentBytes) throw errors.attachmentTooLarge(number, attachment.name, attachment.size, maxAttachmentBytes);
    }

    const hours = input.hours ?? null;
    if (hours !== null && hours > REPORT_LIMITS.activityHours) throw errors.outOfRange('activityHours', 0, REPORT_LIMITS.activityHours, hours, number);
    const quantity = input.quantity ?? null;
    if (quantity !== null && quantity > REPORT_LIMITS.activityQuantity) {
      throw errors.outOfRange('activityQuantity', 0, REPORT_LIMITS.activityQuantity, quantity, number);
    }

    return {
      id: input.id ?? randomUUID(),
      description: input.description,
      output: input.output,
      status: input.status,
      link,
      attachment,
      hours,
      targetId: emptyToNull(input.targetId),
      quantity,
    };
  });

  checkLength('obstacles', draft.obstacles);
  checkLength('plan', draft.plan);
  return { activities, obstacles: draft.obstacles, plan: draft.plan };
}

function isWebLink(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks that a stored draft is complete enough to submit: at least one activity, each with a
 * description, a done activity with its output, links that are web addresses, and targets that exist.
 */
export function checkSubmittable(date: string, content: DraftContent, targetExists: (id: string) => boolean): void {
  if (content.activities.length === 0) throw errors.nothingToSubmit(date);

  content.activities.forEach((activity, index) => {
    const number = index + 1;
    if (activity.description.trim() === '') throw errors.missing('description', number);
    if (activity.status === 'done' && activity.output.trim() === '') throw errors.missing('output', number);
    if (activity.link !== null && !isWebLink(activity.link)) throw errors.invalidLink(number, activity.link);
    if (activity.targetId !== null && !targetExists(activity.targetId)) throw errors.unknownTarget(number, activity.targetId);
  });
}

export function checkWeeklyEdit(edit: WeeklySummaryEdit): void {
  checkLength('weeklySummaryText', edit.summaryText);
  checkLength('weeklyNotes', edit.notes);
}
