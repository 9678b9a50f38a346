"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foodBusinessCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const numbered_1 = require("./numbered");
const BUSINESS_FORMS = { food_sales: '食品销售经营者', catering: '餐饮服务经营者', canteen: '单位食堂' };
exports.foodBusinessCertificate = {
    async allocateNumber(em, form, context) {
        const sequence = await (0, numbered_1.nextSequence)(em, 'food-business', form, context);
        return (0, domain_1.foodPermitNumber)({ businessForm: domain_1.FOOD_BUSINESS_FORMAT_DIGITS[form.businessForm], divisionCode: context.divisionCode, sequence });
    },
    holderName: (form) => form.operatorName,
    creditCode: (form) => form.creditCode ?? undefined,
    numberLabel: '许可证编号',
    particulars: (form, _number, context) => ({
        businessForm: BUSINESS_FORMS[form.businessForm] ?? form.businessForm,
        premises: form.premises,
        validUntil: (0, numbered_1.addYears)(context.issuedOn, 5),
    }),
    fields: (form, _number, context) => [
        { label: '经营者名称', value: form.operatorName },
        { label: '社会信用代码（身份证号码）', value: form.creditCode ?? (0, domain_1.maskResidentIdDigits11to14)(form.idNumber ?? '') },
        { label: '法定代表人（负责人）', value: form.legalRepresentative },
        { label: '住所', value: form.domicile },
        { label: '经营场所', value: form.premises },
        { label: '主体业态', value: BUSINESS_FORMS[form.businessForm] ?? form.businessForm },
        { label: '经营项目', value: form.businessItems.join('；') },
        ...(form.warehouseAddress ? [{ label: '仓库地址', value: form.warehouseAddress }] : []),
        { label: '有效期至', value: (0, documents_1.formatChineseDate)((0, numbered_1.addYears)(context.issuedOn, 5)) },
        { label: '投诉举报电话', value: '12315' },
    ],
    validUntil: (issuedOn) => (0, numbered_1.addYears)(issuedOn, 5),
};
