/**
 * 不动产单元号 (GB/T 37346-2019), 28 characters: division code (6) + cadastral zone and
 * sub-zone (6) + parcel feature code (2 letters, e.g. GB state-owned construction land) +
 * parcel number (5) + fixture feature code (1 letter: F building, L forest, Q structure,
 * W none) + fixture unit number (8). We check this shape only; the standard's letter sets are
 * not enforced, as the registry, not the applicant, issues the number.
 */
export const REAL_ESTATE_UNIT_NUMBER_PATTERN = '^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$';
export const REAL_ESTATE_UNIT_NUMBER_LENGTH = 28;
const REAL_ESTATE_UNIT_NUMBER = new RegExp(REAL_ESTATE_UNIT_NUMBER_PATTERN);

export function isRealEstateUnitNumber(value: unknown): value is string {
  return typeof value === 'string' && REAL_ESTATE_UNIT_NUMBER.test(value);
}
