/**
 * 国民经济行业分类 (GB/T 4754-2017) code: a section letter A–T followed by the division (2
 * digits), group (3) or class (4), e.g. C30, C301, C3011. A bare section is too coarse for a
 * project filing, so at least the division is asked for.
 */
export const INDUSTRY_CODE_PATTERN = '^[A-T][0-9]{2,4}$';
export const INDUSTRY_CODE_MAX_LENGTH = 5;
const INDUSTRY_CODE = new RegExp(INDUSTRY_CODE_PATTERN);

export function isIndustryCode(value: unknown): value is string {
  return typeof value === 'string' && INDUSTRY_CODE.test(value);
}
