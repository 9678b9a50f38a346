"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.schemaOf = schemaOf;
exports.stepsOf = stepsOf;
exports.stepOfPath = stepOfPath;
exports.stepTitle = stepTitle;
const domain_1 = require("../../../../libs/domain/src/index.js");
const STEP_GROUPS = {
    'business-license': [
        { key: 'name', fields: ['name', 'entityType'] },
        { key: 'domicile', fields: ['domicile'] },
        { key: 'scope', fields: ['businessScope'] },
        { key: 'capital', fields: ['registeredCapital', 'shareholders'] },
        { key: 'legal-rep', fields: ['legalRepresentative'] },
        { key: 'term', fields: ['term'] },
    ],
    'food-business': [
        { key: 'operator', fields: ['operatorName', 'creditCode', 'idNumber', 'legalRepresentative'] },
        { key: 'premises', fields: ['domicile', 'premises', 'warehouseAddress'] },
        { key: 'business', fields: ['businessForm', 'businessItems'] },
        { key: 'agent', fields: ['agent'] },
    ],
    'investment-filing': [
        { key: 'project', fields: ['projectName', 'nature', 'location', 'industry'] },
        { key: 'land', fields: ['landArea', 'newLandArea', 'floorArea', 'scaleAndContent'] },
        { key: 'schedule', fields: ['startDate', 'completionDate'] },
        { key: 'investment', fields: ['totalInvestment', 'investmentBreakdown', 'fundingSources'] },
        { key: 'company', fields: ['companyName', 'companyCreditCode', 'responsiblePerson'] },
        { key: 'statement', fields: ['policyComplianceStatement'] },
    ],
    'land-planning': [
        { key: 'project', fields: ['landUser', 'projectName', 'projectCode'] },
        { key: 'approval', fields: ['approvingAuthority', 'approvalDocumentNumber'] },
        { key: 'land', fields: ['location', 'area', 'landUse', 'acquisitionMethod', 'constructionScale'] },
    ],
    'engineering-planning': [
        { key: 'project', fields: ['builder', 'projectName', 'projectCode'] },
        { key: 'works', fields: ['location', 'constructionScale', 'realEstateUnitNumber'] },
    ],
    construction: [
        { key: 'project', fields: ['builder', 'projectName', 'projectCode', 'projectType'] },
        { key: 'works', fields: ['address', 'scale', 'floorArea'] },
        { key: 'contract', fields: ['contractPrice', 'contractPeriod'] },
        { key: 'survey-design', fields: ['surveyCompany', 'designCompany'] },
        { key: 'build-supervise', fields: ['constructionCompany', 'supervisionCompany', 'chiefSupervisingEngineer'] },
    ],
    'non-enterprise': [
        { key: 'name', fields: ['name', 'domicile'] },
        { key: 'purpose', fields: ['purposeAndScope', 'startupFunds', 'sponsoringUnit'] },
        { key: 'legal-rep', fields: ['legalRepresentative'] },
    ],
    'social-group': [
        { key: 'name', fields: ['name', 'domicile', 'areaOfActivity'] },
        { key: 'scope', fields: ['businessScope', 'sponsoringUnit'] },
        { key: 'funds', fields: ['registeredFunds', 'individualMembers', 'unitMembers'] },
        { key: 'legal-rep', fields: ['legalRepresentative'] },
    ],
};
function schemaOf(serviceCode) {
    const schema = (0, domain_1.formJsonSchema)(serviceCode);
    if (!schema)
        throw new Error(`no form schema for ${serviceCode}`);
    return schema;
}
function stepsOf(serviceCode) {
    const properties = Object.keys((schemaOf(serviceCode).properties ?? {}));
    const configured = (STEP_GROUPS[serviceCode] ?? [])
        .map((step) => ({ key: step.key, fields: step.fields.filter((f) => properties.includes(f)) }))
        .filter((step) => step.fields.length > 0);
    const covered = new Set(configured.flatMap((s) => s.fields));
    const rest = properties.filter((p) => !covered.has(p)).map((p) => ({ key: p, fields: [p] }));
    return [...configured, ...rest];
}
function stepOfPath(serviceCode, path) {
    const top = path.replace(/^form\./, '').split('.')[0];
    return stepsOf(serviceCode).find((s) => s.fields.includes(top));
}
function stepTitle(serviceCode, step, t, fallback) {
    for (const key of [`step.${serviceCode}.${step.key}`, `step.${step.key}`]) {
        const text = t(key);
        if (text !== key)
            return text;
    }
    return fallback ?? step.key;
}
