import { shanghaiDateOf } from './calendar/local-time';
import { allocateUscc } from './identifiers/uscc';
import {
  applicationNumberScope,
  constructionPermitNumber,
  engineeringPlanningPermitNumber,
  foodPermitNumber,
  formatApplicationNumber,
  isConstructionPermitNumber,
  isEngineeringPlanningPermitNumber,
  isFoodPermitNumber,
  isLandPlanningPermitNumber,
  isLicenseNumberOf,
  isProjectCode,
  landPlanningPermitNumber,
  luhnCheckDigit,
  numberScope,
  projectCode,
  usccPrefixFor,
  usccScope,
  type ConstructionPermitNumberParts,
  type FoodPermitNumberParts,
  type PlanningPermitNumberParts,
  type ProjectCodeParts,
} from './numbering';

describe('numbering', () => {
  it('formats application numbers as division + date + 6-digit sequence', () => {
    expect(formatApplicationNumber('140603', '2026-11-27', 42)).toBe('14060320261127000042');
    expect(formatApplicationNumber('140603', '2026-01-01', 999_999)).toBe('14060320260101999999');
  });

  it.each([
    ['14060', '2026-11-27', 1],
    ['140603', '2026-02-30', 1],
    ['140603', '20261127', 1],
    ['140603', '2026-11-27', 0],
    ['140603', '2026-11-27', 1_000_000],
    ['140603', '2026-11-27', 1.5],
  ])('refuses (%s, %s, %s)', (division, date, sequence) => {
    expect(() => formatApplicationNumber(division, date, sequence)).toThrow(RangeError);
  });

  it('names counter scopes', () => {
    expect(applicationNumberScope('2026-11-27')).toBe('application:2026-11-27');
    expect(usccScope('91')).toBe('uscc:91');
    expect(() => applicationNumberScope('2026-11-31')).toThrow(RangeError);
  });

  it('gives the Asia/Shanghai date of an instant', () => {
    expect(shanghaiDateOf(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
    expect(shanghaiDateOf(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(shanghaiDateOf(new Date('2026-12-31T23:30:00+08:00'))).toBe('2026-12-31');
  });
});

describe('licence number formats', () => {
  describe('Luhn check digit', () => {
    it.each([
      ['7992739871', '3'],
      ['1140603000001', '8'],
      ['0', '0'],
      ['1', '8'],
    ])('%s → %s', (digits, check) => {
      expect(luhnCheckDigit(digits)).toBe(check);
    });

    it('refuses anything but digits', () => {
      expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
      expect(() => luhnCheckDigit('')).toThrow(RangeError);
    });
  });

  describe('food permit (JY + 14 digits)', () => {
    it.each<[FoodPermitNumberParts, string]>([
      [{ businessForm: 1, divisionCode: '140603', sequence: 1 }, 'JY11406030000018'],
      [{ businessForm: 2, divisionCode: '140603', sequence: 42 }, 'JY21406030000420'],
      [{ businessForm: 3, divisionCode: '140603', sequence: 999_999 }, 'JY3140603999999' + luhnCheckDigit('3140603999999')],
    ])('%j → %s', (parts, number) => {
      expect(foodPermitNumber(parts)).toBe(number);
      expect(number).toHaveLength(16);
      expect(isFoodPermitNumber(number)).toBe(true);
    });

    it.each<[string, Partial<FoodPermitNumberParts>]>([
      ['business form 4', { businessForm: 4 as never }],
      ['business form 0', { businessForm: 0 as never }],
      ['a 5-digit division', { divisionCode: '14060' }],
      ['sequence 0', { sequence: 0 }],
      ['sequence 1,000,000', { sequence: 1_000_000 }],
      ['a fractional sequence', { sequence: 2.5 }],
    ])('refuses %s', (_, change) => {
      expect(() => foodPermitNumber({ businessForm: 1, divisionCode: '140603', sequence: 1, ...change })).toThrow(RangeError);
    });

    it.each([
      ['JY11406030000011', 'wrong check digit'],
      ['JY41406030000018', 'business form 4'],
      ['JY1140603000001', '13 digits'],
      ['JY114060300000180', '15 digits'],
      ['jy11406030000018', 'lowercase prefix'],
      ['SC11406030000018', 'another prefix'],
      ['JY1140603000000' + luhnCheckDigit('1140603000000'), 'sequence 000000'],
      [' JY11406030000018', 'leading space'],
    ])('rejects %s (%s)', (number) => {
      expect(isFoodPermitNumber(number)).toBe(false);
    });

    it('rejects non-strings', () => {
      for (const value of [null, undefined, 11406030000018, {}]) expect(isFoodPermitNumber(value)).toBe(false);
    });
  });

  describe('planning permits (地字第…号, 建字第…号)', () => {
    const parts: PlanningPermitNumberParts = { divisionCode: '140603', year: 2026, sequence: 1 };

    it('formats DOMAIN.md examples', () => {
      expect(landPlanningPermitNumber(parts)).toBe('地字第140603202600001号');
      expect(engineeringPlanningPermitNumber(parts)).toBe('建字第140603202600001号');
      expect(landPlanningPermitNumber({ ...parts, year: 2027, sequence: 99_999 })).toBe('地字第140603202799999号');
    });

    it.each<[string, Partial<PlanningPermitNumberParts>]>([
      ['sequence 0', { sequence: 0 }],
      ['sequence 100000', { sequence: 100_000 }],
      ['a 3-digit year', { year: 999 }],
      ['a 5-digit year', { year: 20260 }],
      ['a division with letters', { divisionCode: '14060A' }],
    ])('refuses %s', (_, change) => {
      expect(() => landPlanningPermitNumber({ ...parts, ...change })).toThrow(RangeError);
      expect(() => engineeringPlanningPermitNumber({ ...parts, ...change })).toThrow(RangeError);
    });

    it.each([
      ['地字第140603202600001号', true, false],
      ['建字第140603202600001号', false, true],
      ['地字第140603202600000号', false, false],
      ['地字第14060320260001号', false, false],
      ['地字第1406032026000001号', false, false],
      ['地字140603202600001号', false, false],
      ['地字第140603202600001', false, false],
      ['字第140603202600001号', false, false],
    ])('%s: land %s, engineering %s', (number, land, engineering) => {
      expect(isLandPlanningPermitNumber(number)).toBe(land);
      expect(isEngineeringPlanningPermitNumber(number)).toBe(engineering);
    });
  });

  describe('construction permit (18 digits)', () => {
    const parts: ConstructionPermitNumberParts = { divisionCode: '140603', issuedOn: '2026-11-27', sequence: 1, projectType: '01' };

    it("formats DOMAIN.md's example", () => {
      expect(constructionPermitNumber(parts)).toBe('140603202611270101');
      expect(constructionPermitNumber({ ...parts, sequence: 99, projectType: '02' })).toBe('140603202611279902');
    });

    it.each<[string, Partial<ConstructionPermitNumberParts>]>([
      ['sequence 0', { sequence: 0 }],
      ['sequence 100', { sequence: 100 }],
      ['type 03', { projectType: '03' as never }],
      ['an impossible date', { issuedOn: '2026-02-30' }],
      ['a compact date', { issuedOn: '20261127' }],
      ['a short division', { divisionCode: '1406' }],
    ])('refuses %s', (_, change) => {
      expect(() => constructionPermitNumber({ ...parts, ...change })).toThrow(RangeError);
    });

    it.each([
      ['140603202611270101', true],
      ['140603202611279902', true],
      ['140603202611270001', false],
      ['140603202611270103', false],
      ['140603202602300101', false],
      ['14060320261127010', false],
      ['1406032026112701011', false],
      ['14060320261127010A', false],
    ])('%s valid: %s', (number, valid) => {
      expect(isConstructionPermitNumber(number)).toBe(valid);
    });
  });

  describe('project code (24 characters)', () => {
    const parts: ProjectCodeParts = { year: 2026, divisionCode: '140603', departmentCode: '02', projectType: '01', sequence: 1 };

    it('formats YYYY-AAAAAA-DD-TT-NNNNNN', () => {
      expect(projectCode(parts)).toBe('2026-140603-02-01-000001');
      expect(projectCode(parts)).toHaveLength(24);
      expect(projectCode({ ...parts, sequence: 999_999 })).toBe('2026-140603-02-01-999999');
    });

    it.each<[string, Partial<ProjectCodeParts>]>([
      ['sequence 0', { sequence: 0 }],
      ['sequence 1,000,000', { sequence: 1_000_000 }],
      ['a 1-digit department', { departmentCode: '2' }],
      ['a 3-digit project type', { projectType: '001' }],
      ['a 2-digit year', { year: 26 }],
      ['a 7-digit division', { divisionCode: '1406030' }],
    ])('refuses %s', (_, change) => {
      expect(() => projectCode({ ...parts, ...change })).toThrow(RangeError);
    });

    it.each([
      ['2026-140603-02-01-000001', true],
      ['2020-140000-44-03-012345', true],
      ['2026-140603-02-01-000000', false],
      ['2026-140603-2-01-000001', false],
      ['2026140603020100000100', false],
      ['2026-140603-02-01-00001', false],
      ['2026-140603-02-01-0000001', false],
      ['2026-14060A-02-01-000001', false],
      ['2026—140603-02-01-000001', false],
    ])('%s valid: %s', (code, valid) => {
      expect(isProjectCode(code)).toBe(valid);
    });
  });

  describe('counter scopes', () => {
    it.each([
      ['food-business', '2026-11-28', undefined, 'food-business'],
      ['investment-filing', '2026-11-28', undefined, 'investment-filing:2026'],
      ['land-planning', '2026-11-28', undefined, 'land-planning:2026'],
      ['engineering-planning', '2027-01-01', undefined, 'engineering-planning:2027'],
      ['construction', '2026-11-28', undefined, 'construction:2026-11-28'],
      ['non-enterprise', '2026-11-28', undefined, 'uscc:52'],
      ['social-group', '2026-11-28', undefined, 'uscc:51'],
      ['business-license', '2026-11-28', { entityType: 'limited_company' }, 'uscc:91'],
      ['business-license', '2026-11-28', { entityType: 'individual_business' }, 'uscc:92'],
    ])('%s issued %s → %s', (service, issuedOn, form, scope) => {
      expect(numberScope(service, issuedOn, form)).toBe(scope);
    });

    it('refuses unknown services and bad dates', () => {
      expect(() => numberScope('driving-licence', '2026-11-28')).toThrow(RangeError);
      expect(() => numberScope('land-planning', '2026-13-01')).toThrow(RangeError);
    });

    it('names the credit-code prefix of each service whose number is a credit code', () => {
      expect(usccPrefixFor('non-enterprise')).toBe('52');
      expect(usccPrefixFor('social-group')).toBe('51');
      expect(usccPrefixFor('business-license', { entityType: 'partnership' })).toBe('91');
      expect(usccPrefixFor('construction')).toBeUndefined();
    });
  });

  describe('isLicenseNumberOf', () => {
    const social = allocateUscc({ prefix: '51', divisionCode: '140603', sequence: 1 });
    const nonEnterprise = allocateUscc({ prefix: '52', divisionCode: '140603', sequence: 1 });
    const individual = allocateUscc({ prefix: '92', divisionCode: '140603', sequence: 1 });

    it.each([
      ['food-business', 'JY11406030000018', true],
      ['food-business', '地字第140603202600001号', false],
      ['investment-filing', '2026-140603-02-01-000001', true],
      ['land-planning', '地字第140603202600001号', true],
      ['land-planning', '建字第140603202600001号', false],
      ['engineering-planning', '建字第140603202600001号', true],
      ['construction', '140603202611270101', true],
      ['construction', '2026-140603-02-01-000001', false],
      ['social-group', social, true],
      ['social-group', nonEnterprise, false],
      ['non-enterprise', nonEnterprise, true],
      ['non-enterprise', '91350100M000100Y43', false],
      ['business-license', '91350100M000100Y43', true],
      ['business-license', individual, true],
      ['business-license', social, false],
      ['no-such-service', 'JY11406030000018', false],
    ])('%s %s → %s', (service, number, valid) => {
      expect(isLicenseNumberOf(service, number)).toBe(valid);
    });

    it("tells a business licence's 91 from 92 when given the form", () => {
      expect(isLicenseNumberOf('business-license', individual, { entityType: 'individual_business' })).toBe(true);
      expect(isLicenseNumberOf('business-license', individual, { entityType: 'limited_company' })).toBe(false);
    });
  });
});
