"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.businessLicenseCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const numbered_1 = require("./numbered");
const ENTITY_TYPE_LABELS = {
    limited_company: '有限责任公司',
    sole_proprietorship: '个人独资企业',
    partnership: '合伙企业',
    individual_business: '个体工商户',
};
exports.businessLicenseCertificate = {
    async allocateNumber(em, form, context) {
        const prefix = (0, domain_1.usccPrefixFor)('business-license', form) ?? '91';
        return (0, domain_1.allocateUscc)({ prefix, divisionCode: context.divisionCode, sequence: await (0, numbered_1.nextSequence)(em, 'business-license', form, context) });
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
        { label: '注册资本', value: (0, documents_1.amountInChineseCapital)(form.registeredCapital) },
        { label: '成立日期', value: (0, documents_1.formatChineseDate)(context.issuedOn) },
        { label: '营业期限', value: form.term.to ? `${(0, documents_1.formatChineseDate)(form.term.from)}至${(0, documents_1.formatChineseDate)(form.term.to)}` : `${(0, documents_1.formatChineseDate)(form.term.from)}至长期` },
        { label: '住所', value: form.domicile },
    ],
    validUntil: () => null,
};
function businessScopeText(form) {
    const parts = [];
    if (form.businessScope.general?.length)
        parts.push(`一般项目：${form.businessScope.general.join('；')}`);
    if (form.businessScope.licensed?.length)
        parts.push(`许可项目：${form.businessScope.licensed.join('；')}`);
    return parts.join('\n');
}
