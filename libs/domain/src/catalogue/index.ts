import { businessLicenseService } from './business-license';
import { constructionService } from './construction';
import { engineeringPlanningService } from './engineering-planning';
import { foodBusinessService } from './food-business';
import { investmentFilingService } from './investment-filing';
import { landPlanningService } from './land-planning';
import { nonEnterpriseService } from './non-enterprise';
import { socialGroupService } from './social-group';
import { SERVICE_CODES, type MaterialDefinition, type ServiceCode, type ServiceDefinition } from './types';

export * from './types';
export { SCANS, SCANS_OR_E_DOCUMENT } from './file-types';
export { businessLicenseService } from './business-license';
export { foodBusinessService } from './food-business';
export { investmentFilingService } from './investment-filing';
export { landPlanningService } from './land-planning';
export { engineeringPlanningService } from './engineering-planning';
export { constructionService } from './construction';
export { nonEnterpriseService } from './non-enterprise';
export { socialGroupService } from './social-group';

/**
 * The catalogue. Adding a service: one file beside business-license.ts (its form class beside
 * business-license.form.ts) and one line here; validation and the JSON Schema follow from it.
 */
export const SERVICES: readonly ServiceDefinition[] = [
  businessLicenseService,
  foodBusinessService,
  investmentFilingService,
  landPlanningService,
  engineeringPlanningService,
  constructionService,
  nonEnterpriseService,
  socialGroupService,
];

export function isServiceCode(s: unknown): s is ServiceCode {
  return typeof s === 'string' && (SERVICE_CODES as readonly string[]).includes(s);
}

/** The catalogue entry, or undefined for an unknown code or a service not catalogued yet. */
export function getService(code: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.code === code);
}

/**
 * Whether this material must be uploaded: a conditional material asks the form when one is
 * given (e.g. the land-sale contract when the land was sold); without a form, `required` says.
 */
export function isMaterialRequired(material: MaterialDefinition, form?: object | null): boolean {
  if (material.requiredWhen && typeof form === 'object' && form !== null) {
    try {
      return material.requiredWhen(form) === true;
    } catch {
      // A stored form too odd to read (wrong types) falls back to the static answer.
      return material.required;
    }
  }
  return material.required;
}

/**
 * Required materials not among the uploaded ones: the list for a one-time correction notice.
 * Pass the form so that conditional materials count; without it only the always-required do.
 */
export function missingMaterials(service: ServiceDefinition, uploadedCodes: readonly string[], form?: object | null): MaterialDefinition[] {
  const uploaded = new Set(uploadedCodes);
  return service.materials.filter((material) => isMaterialRequired(material, form) && !uploaded.has(material.code));
}
