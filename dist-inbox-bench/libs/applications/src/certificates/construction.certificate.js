"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.constructionCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const numbered_1 = require("./numbered");
exports.constructionCertificate = {
    async allocateNumber(em, form, context) {
        const sequence = await (0, numbered_1.nextSequence)(em, 'construction', form, context);
        return (0, domain_1.constructionPermitNumber)({
            divisionCode: context.divisionCode,
            issuedOn: context.issuedOn,
            sequence,
            projectType: domain_1.CONSTRUCTION_PROJECT_TYPE_CODES[form.projectType],
        });
    },
    holderName: (form) => form.builder,
    creditCode: () => undefined,
    numberLabel: '编号',
    particulars: (form) => ({ projectName: form.projectName, projectCode: form.projectCode, address: form.address, contractPrice: `${form.contractPrice}万元` }),
    fields: (form) => [
        { label: '建设单位', value: form.builder },
        { label: '工程名称', value: form.projectName },
        { label: '项目代码', value: form.projectCode },
        { label: '建设地址', value: form.address },
        { label: '建设规模', value: `${form.scale}（${form.floorArea}平方米）` },
        { label: '合同价格', value: `${form.contractPrice}万元（${(0, documents_1.amountInChineseCapital)(form.contractPrice)}）` },
        { label: '勘察单位', value: form.surveyCompany.name },
        { label: '设计单位', value: form.designCompany.name },
        { label: '施工单位', value: form.constructionCompany.name },
        { label: '监理单位', value: form.supervisionCompany.name },
        { label: '勘察单位项目负责人', value: form.surveyCompany.projectLead },
        { label: '设计单位项目负责人', value: form.designCompany.projectLead },
        { label: '施工单位项目负责人', value: form.constructionCompany.projectLead },
        { label: '总监理工程师', value: form.chiefSupervisingEngineer },
        { label: '合同工期', value: `${(0, documents_1.formatChineseDate)(form.contractPeriod.from)}至${(0, documents_1.formatChineseDate)(form.contractPeriod.to)}` },
    ],
    validUntil: () => null,
};
