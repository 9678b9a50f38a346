import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'investment-filing';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown, lang: 'en' | 'zh-CN' = 'en') => {
  const result = checkFormComplete(SERVICE, form, lang);
  return result.ok ? {} : result.fields;
};

describe('investment-filing form (企业投资项目备案)', () => {
  it('accepts the example, as a draft and as a complete form', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(checkFormComplete(SERVICE, valid(), 'en')).toEqual({ ok: true });
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      [
        'companyCreditCode',
        'companyName',
        'completionDate',
        'floorArea',
        'fundingSources',
        'industry',
        'investmentBreakdown',
        'landArea',
        'location',
        'nature',
        'newLandArea',
        'policyComplianceStatement',
        'projectName',
        'responsiblePerson',
        'scaleAndContent',
        'startDate',
        'totalInvestment',
      ].sort(),
    );
  });

  it.each([
    ['nature', 'rebuild', 'nature'],
    ['industry', { code: 'C', name: '制造业' }, 'industry.code'],
    ['industry', { code: 'C3021', name: '' }, 'industry.name'],
    ['landArea', '0', 'landArea'],
    ['landArea', '12.34567', 'landArea'],
    ['newLandArea', '-1', 'newLandArea'],
    ['floorArea', '1.234', 'floorArea'],
    ['floorArea', 18000, 'floorArea'],
    ['startDate', '2027-02-30', 'startDate'],
    ['completionDate', '2028/06/30', 'completionDate'],
    ['totalInvestment', '0', 'totalInvestment'],
    ['totalInvestment', '1.2e4', 'totalInvestment'],
    ['investmentBreakdown', { construction: '6000', equipment: '', installation: '800', other: '700' }, 'investmentBreakdown.equipment'],
    ['fundingSources', { ownFunds: '7000', bankLoans: '5000', governmentFunds: '0', other: '0', equity: '1' }, 'fundingSources.equity'],
    ['companyCreditCode', '91140603MA00022PXA', 'companyCreditCode'],
    ['responsiblePerson', { name: '刘建海', idNumber: '140603198003120017', phone: '13800000001' }, 'responsiblePerson.idNumber'],
    ['policyComplianceStatement', 'yes', 'policyComplianceStatement'],
  ])('refuses %s = %p at %s', (field, value, path) => {
    const form = valid();
    form[field] = value;
    expect(Object.keys(draftFields(form))).toEqual([path]);
  });

  it('lets a draft leave the policy statement unticked, but not a submission', () => {
    const form = valid();
    form.policyComplianceStatement = false;
    expect(draftFields(form)).toEqual({});
    expect(completeFields(form)).toEqual({ policyComplianceStatement: 'Confirm that the project complies with national industrial policy' });
  });

  describe('cross-field rules at submit', () => {
    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      ['completion on the start day', { startDate: '2027-03-01', completionDate: '2027-03-01' }, { completionDate: expect.stringContaining('after the planned start') }],
      ['completion before start', { startDate: '2027-03-01', completionDate: '2026-12-31' }, { completionDate: expect.stringContaining('after the planned start') }],
      ['completion the day after start', { startDate: '2027-03-01', completionDate: '2027-03-02' }, {}],
      ['new land above total land', { landArea: '60', newLandArea: '60.0001' }, { newLandArea: 'The new land cannot be more than the total land' }],
      ['new land equal to total land', { landArea: '60', newLandArea: '60.0' }, {}],
      ['no new land', { newLandArea: '0' }, {}],
      [
        'breakdown short of the total',
        { investmentBreakdown: { construction: '6000', equipment: '4500', installation: '800', other: '699.9999' } },
        { investmentBreakdown: 'The parts of the investment add up to 11999.9999 (10,000 yuan), not the total investment of 12000' },
      ],
      [
        'funding above the total',
        { fundingSources: { ownFunds: '7000', bankLoans: '5000', governmentFunds: '0.5', other: '0' } },
        { fundingSources: 'The funding sources add up to 12000.5 (10,000 yuan), not the total investment of 12000' },
      ],
      [
        'exact decimal sums (0.1 + 0.2 = 0.3)',
        {
          totalInvestment: '0.3',
          investmentBreakdown: { construction: '0.1', equipment: '0.2', installation: '0', other: '0' },
          fundingSources: { ownFunds: '0.3', bankLoans: '0', governmentFunds: '0', other: '0' },
        },
        {},
      ],
    ])('%s', (_, change, expected) => {
      expect(completeFields({ ...valid(), ...change })).toEqual(expected);
    });

    it('says the sum mismatch in Chinese', () => {
      const form = { ...valid(), totalInvestment: '12001' };
      expect(completeFields(form, 'zh-CN')).toEqual({
        investmentBreakdown: '各项投资合计 12000 万元，与总投资 12001 万元不一致',
        fundingSources: '各项资金来源合计 12000 万元，与总投资 12001 万元不一致',
      });
    });

    it('stays silent about sums while a figure is itself wrong', () => {
      const form = { ...valid(), totalInvestment: 'lots' };
      expect(Object.keys(completeFields(form))).toEqual(['totalInvestment']);
    });

    it('does not run in a draft', () => {
      expect(draftFields({ ...valid(), startDate: '2028-01-01', completionDate: '2027-01-01', newLandArea: '100' })).toEqual({});
    });
  });
});
