import type { EntityManager } from 'typeorm';
import { allocateUscc, BusinessLicenseForm, usccPrefixFor } from '@onewindow/domain';
import { amountInChineseCapital, formatChineseDate } from '@onewindow/documents';
import { CertificateContext, CertificateSpec } from './certificate-spec';
import { nextSequence } from './numbered';

const ENTITY_TYPE_LABELS: Record<string, string> = {
  limited_company: '有限责任公司',
  sole_proprietorship: '个人独资企业',
  partnership: '合伙企业',
  individual_business: '个体工商户',
};

/** 营业执照: the number is the new entity's unified social credit code (91…, 92… for an individual business). */
export const businessLicenseCertificate: CertificateSpec<BusinessLicenseForm> = {
  async allocateNumber(em: EntityManager, form: BusinessLicenseForm, context: CertificateContext): Promise<string> {
    const prefix = usccPrefixFor('business-license', form) ?? '91';
    return allocateUscc({ prefix, divisionCode: context.divisionCode, sequence: await nextSequence(em, 'business-license', form, context) });
  },
  holderName: (form) => form.name,
  creditCode: (_form, number) => number,
  numberLabel: '统一社会信用代码',
  particulars: (form, _number, context) => ({
    type: ENTITY_TYPE_LABELS[form.entityType] ?? form.entityType,
    legalRepresentative: form.legalRepresentative.name,
    registeredCapital: `${form.registeredCapital}万元`,
    establishedOn: context.issuedOn,
    domicile: form.domicile,
  }),
  fields: (form, _number, context) => [
    { label: '名称', value: form.name },
    { label: '类型', value: ENTITY_TYPE_LABELS[form.entityType] ?? form.entityType },
    { label: '法定代表人', value: form.legalRepresentative.name },
    { label: '经营范围', value: businessScopeText(form) },
    { label: '注册资本', value: amountInChineseCapital(form.registeredCapital) },
    { label: '成立日期', value: formatChineseDate(context.issuedOn) },
    { label: '营业期限', value: form.term.to ? `${formatChineseDate(form.term.from)}至${formatChineseDate(form.term.to)}` : `${formatChineseDate(form.term.from)}至长期` },
    { label: '住所', value: form.domicile },
  ],
  validUntil: () => null,
};

function businessScopeText(form: BusinessLicenseForm): string {
  const parts: string[] = [];
  if (form.businessScope.general?.length) parts.push(`一般项目：${form.businessScope.general.join('；')}`);
  if (form.businessScope.licensed?.length) parts.push(`许可项目：${form.businessScope.licensed.join('；')}`);
  return parts.join('\n');
}
