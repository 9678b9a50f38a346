import { formJsonSchema, type JsonSchema, type ServiceCode } from '@onewindow/domain';

/** One page of a service's form: a group of top-level fields asked together. */
export interface FormStep {
  key: string;
  fields: string[];
}

/**
 * How each service's questions are grouped into pages (one question group per page). Only the
 * grouping lives here: the fields, their types and rules come from the form's JSON Schema, and
 * a field this list forgets still gets a page of its own (stepsOf).
 */
const STEP_GROUPS: Partial<Record<ServiceCode, FormStep[]>> = {
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

export function schemaOf(serviceCode: string): JsonSchema {
  const schema = formJsonSchema(serviceCode);
  if (!schema) throw new Error(`no form schema for ${serviceCode}`);
  return schema;
}

/** The pages of a service's form, in order: the configured groups, then one page per field left over. */
export function stepsOf(serviceCode: string): FormStep[] {
  const properties = Object.keys((schemaOf(serviceCode).properties ?? {}) as Record<string, unknown>);
  const configured = (STEP_GROUPS[serviceCode as ServiceCode] ?? [])
    .map((step) => ({ key: step.key, fields: step.fields.filter((f) => properties.includes(f)) }))
    .filter((step) => step.fields.length > 0);
  const covered = new Set(configured.flatMap((s) => s.fields));
  const rest = properties.filter((p) => !covered.has(p)).map((p) => ({ key: p, fields: [p] }));
  return [...configured, ...rest];
}

/** The page that asks for a form path (`shareholders.0.idNumber` → the capital page). */
export function stepOfPath(serviceCode: string, path: string): FormStep | undefined {
  const top = path.replace(/^form\./, '').split('.')[0];
  return stepsOf(serviceCode).find((s) => s.fields.includes(top));
}

/** A page's heading: the service's own words for it, the shared words, or its first question. */
export function stepTitle(serviceCode: string, step: FormStep, t: (key: string) => string, fallback?: string): string {
  for (const key of [`step.${serviceCode}.${step.key}`, `step.${step.key}`]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return fallback ?? step.key;
}
