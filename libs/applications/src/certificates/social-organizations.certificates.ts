import { allocateUscc, NonEnterpriseForm, SocialGroupForm } from '@onewindow/domain';
import { amountInChineseCapital, formatChineseDate } from '@onewindow/documents';
import { CertificateSpec } from './certificate-spec';
import { addYears, nextSequence } from './numbered';

const VALIDITY_YEARS = 5;
const validity = (issuedOn: string) => `${formatChineseDate(issuedOn)}至${formatChineseDate(addYears(issuedOn, VALIDITY_YEARS))}`;

/** 民办非企业单位登记证书（法人）: the number is the unit's credit code, starting 52. */
export const nonEnterpriseCertificate: CertificateSpec<NonEnterpriseForm> = {
  async allocateNumber(em, form, context) {
    return allocateUscc({ prefix: '52', divisionCode: context.divisionCode, sequence: await nextSequence(em, 'non-enterprise', form, context) });
  },
  holderName: (form) => form.name,
  creditCode: (_form, number) => number,
  numberLabel: '统一社会信用代码',
  particulars: (form) => ({ domicile: form.domicile, legalRepresentative: form.legalRepresentative.name, startupFunds: `${form.startupFunds}万元` }),
  fields: (form, _number, context) => [
    { label: '名称', value: form.name },
    { label: '住所', value: form.domicile },
    { label: '宗旨和业务范围', value: form.purposeAndScope },
    { label: '法定代表人', value: form.legalRepresentative.name },
    { label: '开办资金', value: amountInChineseCapital(form.startupFunds) },
    { label: '业务主管单位', value: form.sponsoringUnit || '无' },
    { label: '有效期', value: validity(context.issuedOn) },
  ],
  validUntil: (issuedOn) => addYears(issuedOn, VALIDITY_YEARS),
};

/** 社会团体法人登记证书: the number is the group's credit code, starting 51. */
export const socialGroupCertificate: CertificateSpec<SocialGroupForm> = {
  async allocateNumber(em, form, context) {
    return allocateUscc({ prefix: '51', divisionCode: context.divisionCode, sequence: await nextSequence(em, 'social-group', form, context) });
  },
  holderName: (form) => form.name,
  creditCode: (_form, number) => number,
  numberLabel: '统一社会信用代码',
  particulars: (form) => ({ domicile: form.domicile, legalRepresentative: form.legalRepresentative.name, registeredFunds: `${form.registeredFunds}万元` }),
  fields: (form, _number, context) => [
    { label: '名称', value: form.name },
    { label: '住所', value: form.domicile },
    { label: '业务范围', value: form.businessScope },
    { label: '活动地域', value: form.areaOfActivity },
    { label: '法定代表人', value: form.legalRepresentative.name },
    { label: '注册资金', value: amountInChineseCapital(form.registeredFunds) },
    { label: '业务主管单位', value: form.sponsoringUnit || '无' },
    { label: '有效期', value: validity(context.issuedOn) },
  ],
  validUntil: (issuedOn) => addYears(issuedOn, VALIDITY_YEARS),
};
