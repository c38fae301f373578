// The live countdown to a request's deadline. The text changes every second, so it sits in a
// role="timer" element: its implicit aria-live="off" keeps screen readers from announcing each tick,
// while the text stays readable on demand. Overdue is written in words, not shown only by colour.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownText } from './request-time';

/** Returns the current time, updated every intervalMs while the component is mounted. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);

  return now;
}

export function Countdown({ dueAt, now }: { dueAt: number; now: number }) {
  const { t } = useTranslation();
  const overdue = now >= dueAt;

  return (
    <span role="timer" className={`countdown ${overdue ? 'countdown-overdue' : ''}`} data-testid="request-countdown">
      {countdownText(t, dueAt, now)}
    </span>
  );
}
