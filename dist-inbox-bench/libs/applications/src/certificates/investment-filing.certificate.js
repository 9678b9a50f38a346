"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.investmentFilingCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const numbered_1 = require("./numbered");
const NATURE = { new: '新建', expansion: '扩建', renovation: '改建' };
exports.investmentFilingCertificate = {
    async allocateNumber(em, form, context) {
        const sequence = await (0, numbered_1.nextSequence)(em, 'investment-filing', form, context);
        return (0, domain_1.projectCode)({ year: Number(context.issuedOn.slice(0, 4)), divisionCode: context.divisionCode, ...domain_1.PROJECT_CODE_PARTS, sequence });
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
        { label: '总投资', value: `${form.totalInvestment}万元（${(0, documents_1.amountInChineseCapital)(form.totalInvestment)}）` },
        { label: '计划开工时间', value: (0, documents_1.formatChineseDate)(form.startDate) },
        { label: '计划竣工时间', value: (0, documents_1.formatChineseDate)(form.completionDate) },
    ],
    validUntil: () => null,
};
