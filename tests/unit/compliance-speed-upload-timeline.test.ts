import { describe, expect, it } from 'vitest';
import { confirmedBytesAt, timelineCrossing, timelineSamples, type ConfirmedSpan } from '../../electron/core/compliance/speed/upload-timeline';

const spans: ConfirmedSpan[] = [
  { startMs: 0, endMs: 200, bytes: 100_000 },
  { startMs: 100, endMs: 300, bytes: 200_000 },
];

describe('upload timeline', () => {
  it('spreads each span evenly over its lifetime', () => {
    expect(confirmedBytesAt(spans, 0)).toBe(0);
    expect(confirmedBytesAt(spans, 100)).toBe(50_000);
    expect(confirmedBytesAt(spans, 200)).toBe(200_000);
    expect(confirmedBytesAt(spans, 300)).toBe(300_000);
    expect(confirmedBytesAt(spans, 1_000)).toBe(300_000);
  });

  it('samples up to the horizon only', () => {
    const samples = timelineSamples(spans, 250, 100);

    expect(samples.map((sample) => sample.atMs)).toEqual([0, 100, 200, 250]);
    expect(samples[3]!.bytes).toBe(250_000);
  });

  it('does not repeat a horizon on the grid', () => {
    expect(timelineSamples(spans, 200, 100).map((sample) => sample.atMs)).toEqual([0, 100, 200]);
  });

  it('finds where the timeline crosses a byte count', () => {
    const crossing = timelineCrossing(spans, 300, 125_000);

    expect(crossing!.atMs).toBeCloseTo(150, 3);
    expect(crossing!.bytes).toBeCloseTo(125_000, 0);
  });

  it('returns null when the horizon comes first', () => {
    expect(timelineCrossing(spans, 150, 200_000)).toBeNull();
  });
});
