"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.engineeringPlanningCertificate = exports.landPlanningCertificate = void 0;
const domain_1 = require("../../../domain/src/index.js");
const numbered_1 = require("./numbered");
const ACQUISITION = { sale: '出让', allocation: '划拨' };
exports.landPlanningCertificate = {
    async allocateNumber(em, form, context) {
        const sequence = await (0, numbered_1.nextSequence)(em, 'land-planning', form, context);
        return (0, domain_1.landPlanningPermitNumber)({ divisionCode: context.divisionCode, year: Number(context.issuedOn.slice(0, 4)), sequence });
    },
    holderName: (form) => form.landUser,
    creditCode: () => undefined,
    numberLabel: '编号',
    particulars: (form) => ({ projectName: form.projectName, projectCode: form.projectCode, location: form.location, area: `${form.area}平方米` }),
    fields: (form) => [
        { label: '用地单位', value: form.landUser },
        { label: '项目名称', value: form.projectName },
        { label: '项目代码', value: form.projectCode },
        { label: '批准用地机关', value: form.approvingAuthority },
        { label: '批准用地文号', value: form.approvalDocumentNumber },
        { label: '用地位置', value: form.location },
        { label: '用地面积', value: `${form.area}平方米` },
        { label: '土地用途', value: form.landUse },
        { label: '建设规模', value: form.constructionScale },
        { label: '土地取得方式', value: ACQUISITION[form.acquisitionMethod] ?? form.acquisitionMethod },
    ],
    validUntil: () => null,
};
exports.engineeringPlanningCertificate = {
    async allocateNumber(em, form, context) {
        const sequence = await (0, numbered_1.nextSequence)(em, 'engineering-planning', form, context);
        return (0, domain_1.engineeringPlanningPermitNumber)({ divisionCode: context.divisionCode, year: Number(context.issuedOn.slice(0, 4)), sequence });
    },
    holderName: (form) => form.builder,
    creditCode: () => undefined,
    numberLabel: '编号',
    particulars: (form) => ({ projectName: form.projectName, projectCode: form.projectCode, location: form.location }),
    fields: (form) => [
        { label: '建设单位（个人）', value: form.builder },
        { label: '建设项目名称', value: form.projectName },
        { label: '项目代码', value: form.projectCode },
        { label: '建设位置', value: form.location },
        { label: '建设规模', value: form.constructionScale },
        { label: '不动产单元号', value: form.realEstateUnitNumber },
    ],
    validUntil: () => null,
};
