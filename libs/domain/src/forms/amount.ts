/**
 * Amounts in 万元 travel as decimal strings; sums are done in whole ten-thousandths of a
 * 万元 (one yuan) as bigint, so "0.1" + "0.2" is exactly "0.3".
 */

export const AMOUNT_MAX_DECIMALS = 4;
const UNITS_PER_WAN = 10n ** BigInt(AMOUNT_MAX_DECIMALS);
const PLAIN_DECIMAL = new RegExp(`^([0-9]+)(?:\\.([0-9]{1,${AMOUNT_MAX_DECIMALS}}))?$`);

/** "12.3456" → 123456n; null for anything that is not a plain decimal with at most 4 decimals. */
export function amountToTenThousandths(amount: unknown): bigint | null {
  if (typeof amount !== 'string') return null;
  const match = PLAIN_DECIMAL.exec(amount);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(AMOUNT_MAX_DECIMALS, '0');
  return BigInt(match[1]) * UNITS_PER_WAN + BigInt(fraction);
}

/** 123456n → "12.3456", 5000000n → "500": the shortest decimal that reads back the same. */
export function formatTenThousandths(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const whole = (magnitude / UNITS_PER_WAN).toString();
  const fraction = (magnitude % UNITS_PER_WAN).toString().padStart(AMOUNT_MAX_DECIMALS, '0').replace(/0+$/, '');
  return sign + whole + (fraction ? `.${fraction}` : '');
}
