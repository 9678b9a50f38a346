import { InvestmentFilingForm, PROJECT_CODE_PARTS, projectCode } from '@onewindow/domain';
import { amountInChineseCapital, formatChineseDate } from '@onewindow/documents';
import { CertificateSpec } from './certificate-spec';
import { nextSequence } from './numbered';

const NATURE: Record<string, string> = { new: '新建', expansion: '扩建', renovation: '改建' };

/** 企业投资项目备案证明: its number is the 24-character project code that links the project's later permits. */
export const investmentFilingCertificate: CertificateSpec<InvestmentFilingForm> = {
  async allocateNumber(em, form, context) {
    const sequence = await nextSequence(em, 'investment-filing', form, context);
    return projectCode({ year: Number(context.issuedOn.slice(0, 4)), divisionCode: context.divisionCode, ...PROJECT_CODE_PARTS, sequence });
  },
  holderName: (form) => form.companyName,
  creditCode: (form) => form.companyCreditCode,
  numberLabel: '项目代码',
  particulars: (form) => ({ projectName: form.projectName, location: form.location, totalInvestment: `${form.totalInvestment}万元` }),
  fields: (form) => [
    { label: '项目名称', value: form.projectName },
    { label: '项目单位', value: form.companyName },
    { label: '统一社会信用代码', value: form.companyCreditCode },
    { label: '建设地点', value: form.location },
    { label: '建设性质', value: NATURE[form.nature] ?? form.nature },
    { label: '所属行业', value: `${form.industry.name}（${form.industry.code}）` },
    { label: '建设规模及内容', value: form.scaleAndContent },
    { label: '总投资', value: `${form.totalInvestment}万元（${amountInChineseCapital(form.totalInvestment)}）` },
    { label: '计划开工时间', value: formatChineseDate(form.startDate) },
    { label: '计划竣工时间', value: formatChineseDate(form.completionDate) },
  ],
  validUntil: () => null,
};
