import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'construction';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown, lang: 'en' | 'zh-CN' = 'en') => {
  const result = checkFormComplete(SERVICE, form, lang);
  return result.ok ? {} : result.fields;
};

const NOT_NEEDED_EN = 'Projects of 300,000 yuan or less, or 300 m² or less, need no construction permit';
const NOT_NEEDED_ZH = '投资额30万元以下或建筑面积300平方米以下的工程无需办理施工许可证';

describe('construction form (建筑工程施工许可证)', () => {
  it('accepts the example, for buildings and for municipal works', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(completeFields(valid())).toEqual({});
    expect(completeFields({ ...valid(), projectType: 'municipal' })).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      [
        'address',
        'builder',
        'chiefSupervisingEngineer',
        'constructionCompany',
        'contractPeriod',
        'contractPrice',
        'designCompany',
        'floorArea',
        'projectCode',
        'projectName',
        'projectType',
        'scale',
        'supervisionCompany',
        'surveyCompany',
      ].sort(),
    );
  });

  it('lists the missing parts of a company and of the period', () => {
    expect(completeFields({ ...valid(), surveyCompany: {}, contractPeriod: { from: '2027-03-01' } })).toEqual({
      'surveyCompany.name': 'Required',
      'surveyCompany.creditCode': 'Required',
      'surveyCompany.projectLead': 'Required',
      'contractPeriod.to': 'Required',
    });
  });

  it.each([
    ['projectType', '01', 'projectType'],
    ['projectType', 'housing', 'projectType'],
    ['floorArea', '0', 'floorArea'],
    ['floorArea', '18000.001', 'floorArea'],
    ['contractPrice', 'abc', 'contractPrice'],
    ['contractPrice', '5800.12345', 'contractPrice'],
    ['contractPeriod', { from: '2027-02-29', to: '2028-03-31' }, 'contractPeriod.from'],
    ['contractPeriod', '2027-03-01/2028-03-31', 'contractPeriod'],
    ['surveyCompany', { name: '勘察公司', creditCode: '91140603MA0003400A', projectLead: '赵志刚' }, 'surveyCompany.creditCode'],
    ['designCompany', { name: '设计院', creditCode: '91140603MA00045859', projectLead: '' }, 'designCompany.projectLead'],
    ['constructionCompany', [], 'constructionCompany'],
    ['supervisionCompany', { name: '监理公司', creditCode: '91140603MA00067Q04', projectLead: '周明', phone: '1' }, 'supervisionCompany.phone'],
    ['chiefSupervisingEngineer', 7, 'chiefSupervisingEngineer'],
  ])('refuses %s = %p at %s', (field, value, path) => {
    expect(Object.keys(draftFields({ ...valid(), [field]: value }))).toEqual([path]);
  });

  describe('cross-field rules at submit', () => {
    it.each<[string, Record<string, unknown>, Record<string, string>]>([
      ['period ending on its first day', { contractPeriod: { from: '2027-03-01', to: '2027-03-01' } }, { 'contractPeriod.to': 'The end of the contract period must come after its start' }],
      ['period ending before it starts', { contractPeriod: { from: '2027-03-01', to: '2027-02-01' } }, { 'contractPeriod.to': 'The end of the contract period must come after its start' }],
      ['period of one day', { contractPeriod: { from: '2027-03-01', to: '2027-03-02' } }, {}],
      ['contract price of exactly 30 万元', { contractPrice: '30' }, { contractPrice: NOT_NEEDED_EN }],
      ['contract price below 30 万元', { contractPrice: '29.9999' }, { contractPrice: NOT_NEEDED_EN }],
      ['contract price just above 30 万元', { contractPrice: '30.0001' }, {}],
      ['floor area of exactly 300 m²', { floorArea: '300' }, { floorArea: NOT_NEEDED_EN }],
      ['floor area of 300.00 m²', { floorArea: '300.00' }, { floorArea: NOT_NEEDED_EN }],
      ['floor area just above 300 m²', { floorArea: '300.01' }, {}],
      ['both small', { contractPrice: '12', floorArea: '120' }, { contractPrice: NOT_NEEDED_EN, floorArea: NOT_NEEDED_EN }],
    ])('%s', (_, change, expected) => {
      expect(completeFields({ ...valid(), ...change })).toEqual(expected);
    });

    it('says plainly in Chinese that no permit is needed', () => {
      expect(completeFields({ ...valid(), contractPrice: '25' }, 'zh-CN')).toEqual({ contractPrice: NOT_NEEDED_ZH });
    });

    it('does not run in a draft', () => {
      expect(draftFields({ ...valid(), contractPrice: '1', contractPeriod: { from: '2027-03-01', to: '2027-01-01' } })).toEqual({});
    });
  });
});
