import { CONSTRUCTION_PROJECT_TYPE_CODES, constructionPermitNumber, ConstructionForm } from '@onewindow/domain';
import { amountInChineseCapital, formatChineseDate } from '@onewindow/documents';
import { CertificateSpec } from './certificate-spec';
import { nextSequence } from './numbered';

/** 建筑工程施工许可证: division + issue date + same-day sequence (2) + type (01 buildings, 02 municipal works). */
export const constructionCertificate: CertificateSpec<ConstructionForm> = {
  async allocateNumber(em, form, context) {
    const sequence = await nextSequence(em, 'construction', form, context);
    return constructionPermitNumber({
      divisionCode: context.divisionCode,
      issuedOn: context.issuedOn,
      sequence,
      projectType: CONSTRUCTION_PROJECT_TYPE_CODES[form.projectType],
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
    { label: '合同价格', value: `${form.contractPrice}万元（${amountInChineseCapital(form.contractPrice)}）` },
    { label: '勘察单位', value: form.surveyCompany.name },
    { label: '设计单位', value: form.designCompany.name },
    { label: '施工单位', value: form.constructionCompany.name },
    { label: '监理单位', value: form.supervisionCompany.name },
    { label: '勘察单位项目负责人', value: form.surveyCompany.projectLead },
    { label: '设计单位项目负责人', value: form.designCompany.projectLead },
    { label: '施工单位项目负责人', value: form.constructionCompany.projectLead },
    { label: '总监理工程师', value: form.chiefSupervisingEngineer },
    { label: '合同工期', value: `${formatChineseDate(form.contractPeriod.from)}至${formatChineseDate(form.contractPeriod.to)}` },
  ],
  validUntil: () => null,
};
