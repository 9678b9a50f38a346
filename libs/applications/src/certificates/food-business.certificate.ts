import { FOOD_BUSINESS_FORMAT_DIGITS, FoodBusinessForm, foodPermitNumber, maskResidentIdDigits11to14 } from '@onewindow/domain';
import { formatChineseDate } from '@onewindow/documents';
import { CertificateSpec } from './certificate-spec';
import { addYears, nextSequence } from './numbered';

const BUSINESS_FORMS: Record<string, string> = { food_sales: '食品销售经营者', catering: '餐饮服务经营者', canteen: '单位食堂' };

/** 食品经营许可证: JY + business form + division + sequence + check; an individual's ID shown with digits 11–14 masked. */
export const foodBusinessCertificate: CertificateSpec<FoodBusinessForm> = {
  async allocateNumber(em, form, context) {
    const sequence = await nextSequence(em, 'food-business', form, context);
    return foodPermitNumber({ businessForm: FOOD_BUSINESS_FORMAT_DIGITS[form.businessForm], divisionCode: context.divisionCode, sequence });
  },
  holderName: (form) => form.operatorName,
  creditCode: (form) => form.creditCode ?? undefined,
  numberLabel: '许可证编号',
  particulars: (form, _number, context) => ({
    businessForm: BUSINESS_FORMS[form.businessForm] ?? form.businessForm,
    premises: form.premises,
    validUntil: addYears(context.issuedOn, 5),
  }),
  fields: (form, _number, context) => [
    { label: '经营者名称', value: form.operatorName },
    { label: '社会信用代码（身份证号码）', value: form.creditCode ?? maskResidentIdDigits11to14(form.idNumber ?? '') },
    { label: '法定代表人（负责人）', value: form.legalRepresentative },
    { label: '住所', value: form.domicile },
    { label: '经营场所', value: form.premises },
    { label: '主体业态', value: BUSINESS_FORMS[form.businessForm] ?? form.businessForm },
    { label: '经营项目', value: form.businessItems.join('；') },
    ...(form.warehouseAddress ? [{ label: '仓库地址', value: form.warehouseAddress }] : []),
    { label: '有效期至', value: formatChineseDate(addYears(context.issuedOn, 5)) },
    { label: '投诉举报电话', value: '12315' },
  ],
  validUntil: (issuedOn) => addYears(issuedOn, 5),
};
