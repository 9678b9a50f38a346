import { getService, ServiceDefinition } from '@onewindow/domain';
import type { ApplicationEntity } from '@onewindow/persistence';

/** The catalogue entry of a stored file's service. */
export function serviceOf(app: Pick<ApplicationEntity, 'serviceCode'>): ServiceDefinition {
  const service = getService(app.serviceCode);
  if (!service) throw new Error(`application of unknown service ${app.serviceCode}`);
  return service;
}
