// Number formatting for user-facing summaries: Indonesian writes 9,4 and 1.234,5, English 9.4 and 1,234.5.

/** Formats a number with at most `fractionDigits` decimals in the Indonesian and the English style. */
export function formatNumber(value: number, fractionDigits = 1): { id: string; en: string } {
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: fractionDigits };
  return { id: value.toLocaleString('id-ID', options), en: value.toLocaleString('en-US', options) };
}

/** Rounds to a fixed number of decimals for evidence, so stored figures do not carry float noise. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
