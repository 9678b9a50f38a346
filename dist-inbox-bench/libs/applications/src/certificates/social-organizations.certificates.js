"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.socialGroupCertificate = exports.nonEnterpriseCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const numbered_1 = require("./numbered");
const VALIDITY_YEARS = 5;
const validity = (issuedOn) => `${(0, documents_1.formatChineseDate)(issuedOn)}至${(0, documents_1.formatChineseDate)((0, numbered_1.addYears)(issuedOn, VALIDITY_YEARS))}`;
exports.nonEnterpriseCertificate = {
    async allocateNumber(em, form, context) {
        return (0, domain_1.allocateUscc)({ prefix: '52', divisionCode: context.divisionCode, sequence: await (0, numbered_1.nextSequence)(em, 'non-enterprise', form, context) });
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
        { label: '开办资金', value: (0, documents_1.amountInChineseCapital)(form.startupFunds) },
        { label: '业务主管单位', value: form.sponsoringUnit || '无' },
        { label: '有效期', value: validity(context.issuedOn) },
    ],
    validUntil: (issuedOn) => (0, numbered_1.addYears)(issuedOn, VALIDITY_YEARS),
};
exports.socialGroupCertificate = {
    async allocateNumber(em, form, context) {
        return (0, domain_1.allocateUscc)({ prefix: '51', divisionCode: context.divisionCode, sequence: await (0, numbered_1.nextSequence)(em, 'social-group', form, context) });
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
        { label: '注册资金', value: (0, documents_1.amountInChineseCapital)(form.registeredFunds) },
        { label: '业务主管单位', value: form.sponsoringUnit || '无' },
        { label: '有效期', value: validity(context.issuedOn) },
    ],
    validUntil: (issuedOn) => (0, numbered_1.addYears)(issuedOn, VALIDITY_YEARS),
};
