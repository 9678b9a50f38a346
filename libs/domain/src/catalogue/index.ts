import { businessLicenseService } from './business-license';
import { SERVICE_CODES, type MaterialDefinition, type ServiceCode, type ServiceDefinition } from './types';

export * from './types';
export { businessLicenseService } from './business-license';

/** The catalogue. Adding a service: one file beside business-license.ts and one line here. */
export const SERVICES: readonly ServiceDefinition[] = [businessLicenseService];

export function isServiceCode(s: unknown): s is ServiceCode {
  return typeof s === 'string' && (SERVICE_CODES as readonly string[]).includes(s);
}

/** The catalogue entry, or undefined for an unknown code or a service not catalogued yet. */
export function getService(code: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.code === code);
}

/** Required materials not among the uploaded ones: the list for a one-time correction notice. */
export function missingMaterials(service: ServiceDefinition, uploadedCodes: readonly string[]): MaterialDefinition[] {
  const uploaded = new Set(uploadedCodes);
  return service.materials.filter((material) => material.required && !uploaded.has(material.code));
}
