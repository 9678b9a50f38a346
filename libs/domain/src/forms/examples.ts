/**
 * A complete, valid form per service: for guide pages, API documentation, demo data and tests.
 * Identifiers are made up but pass their checks; amounts and members clear every rule.
 */

import type { ServiceCode } from '../catalogue/types';

type ExampleForm = Record<string, unknown>;

const EXAMPLE_FORMS: Record<ServiceCode, ExampleForm> = {
  'business-license': {
    name: '朔州市平鲁区晋北新材料有限公司',
    entityType: 'limited_company',
    domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
    businessScope: { general: ['新材料技术研发'], licensed: [] },
    registeredCapital: '500',
    legalRepresentative: { name: '刘建海', idNumber: '11010519491231002X', phone: '13800000000' },
    shareholders: [{ name: '刘建海', idNumber: '11010519491231002X', contribution: '500' }],
    term: { from: '2026-12-01', to: null },
  },
  'food-business': {
    operatorName: '朔州市平鲁区老城饭庄有限公司',
    creditCode: '91140603MA00011F9G',
    legalRepresentative: '王秀英',
    domicile: '山西省朔州市平鲁区井坪镇南大街18号',
    premises: '山西省朔州市平鲁区井坪镇南大街18号一层',
    businessForm: 'catering',
    businessItems: ['热食类食品制售', '冷食类食品制售'],
    warehouseAddress: '山西省朔州市平鲁区井坪镇南大街18号地下一层',
  },
  'investment-filing': {
    projectName: '年产5万吨新型建材生产线项目',
    nature: 'new',
    location: '山西省朔州市平鲁区北坪循环经济园区',
    industry: { code: 'C3021', name: '水泥制品制造' },
    landArea: '60',
    newLandArea: '45.5',
    floorArea: '18000',
    scaleAndContent: '新建生产车间2座、仓库1座及配套设施，建成年产5万吨新型建材生产线',
    startDate: '2027-03-01',
    completionDate: '2028-06-30',
    totalInvestment: '12000',
    investmentBreakdown: { construction: '6000', equipment: '4500', installation: '800', other: '700' },
    fundingSources: { ownFunds: '7000', bankLoans: '5000', governmentFunds: '0', other: '0' },
    companyName: '朔州市平鲁区晋北新材料有限公司',
    companyCreditCode: '91140603MA00022PXK',
    responsiblePerson: { name: '刘建海', idNumber: '140603198003120016', phone: '13800000001' },
    policyComplianceStatement: true,
  },
  'land-planning': {
    landUser: '朔州市平鲁区晋北新材料有限公司',
    projectName: '年产5万吨新型建材生产线项目',
    projectCode: '2026-140603-02-01-000001',
    approvingAuthority: '朔州市人民政府',
    approvalDocumentNumber: '朔政地字〔2026〕15号',
    location: '山西省朔州市平鲁区北坪循环经济园区',
    area: '40000',
    landUse: '工业用地',
    constructionScale: '总建筑面积18000平方米',
    acquisitionMethod: 'sale',
  },
  'engineering-planning': {
    builder: '朔州市平鲁区晋北新材料有限公司',
    projectName: '年产5万吨新型建材生产线项目',
    projectCode: '2026-140603-02-01-000001',
    location: '山西省朔州市平鲁区北坪循环经济园区',
    constructionScale: '生产车间2座、仓库1座，总建筑面积18000平方米',
    realEstateUnitNumber: '140603001001GB00001F00010001',
  },
  construction: {
    builder: '朔州市平鲁区晋北新材料有限公司',
    projectName: '年产5万吨新型建材生产线项目',
    projectCode: '2026-140603-02-01-000001',
    address: '山西省朔州市平鲁区北坪循环经济园区',
    scale: '生产车间2座、仓库1座，总建筑面积18000平方米',
    floorArea: '18000',
    contractPrice: '5800',
    contractPeriod: { from: '2027-03-01', to: '2028-03-31' },
    projectType: 'buildings',
    surveyCompany: { name: '山西省朔州市勘察设计有限公司', creditCode: '91140603MA0003400L', projectLead: '赵志刚' },
    designCompany: { name: '朔州市建筑设计院有限公司', creditCode: '91140603MA00045859', projectLead: '孙丽' },
    constructionCompany: { name: '朔州市平鲁区第一建筑工程有限公司', creditCode: '91140603MA00056GXQ', projectLead: '李强' },
    supervisionCompany: { name: '朔州市诚信工程监理有限公司', creditCode: '91140603MA00067Q04', projectLead: '周明' },
    chiefSupervisingEngineer: '周明',
  },
  'non-enterprise': {
    name: '朔州市平鲁区阳光职业培训学校',
    domicile: '山西省朔州市平鲁区井坪镇新华街8号',
    purposeAndScope: '宗旨：提高劳动者职业技能。业务范围：电工、焊工、家政服务职业技能培训',
    legalRepresentative: { name: '张红梅', idNumber: '140603197511080028', phone: '13900000002' },
    startupFunds: '10',
    sponsoringUnit: '朔州市平鲁区人力资源和社会保障局',
  },
  'social-group': {
    name: '朔州市平鲁区个体劳动者协会',
    domicile: '山西省朔州市平鲁区井坪镇东大街6号',
    businessScope: '政策宣传、行业自律、会员服务、业务培训',
    areaOfActivity: '朔州市平鲁区',
    legalRepresentative: { name: '陈建国', idNumber: '14060319900705003X', phone: '13700000003' },
    registeredFunds: '3',
    individualMembers: 62,
    unitMembers: 0,
  },
};

/** A fresh copy of the service's example form (callers may change it freely), or undefined. */
export function exampleForm(serviceCode: string): ExampleForm | undefined {
  const form = (EXAMPLE_FORMS as Record<string, ExampleForm | undefined>)[serviceCode];
  return form ? structuredClone(form) : undefined;
}
