import type { EntityManager } from 'typeorm';
import { numberScope } from '@onewindow/domain';
import { nextNumber } from '../number-allocator';
import { CertificateContext } from './certificate-spec';

/** The next sequence of the service's numbering scope (service + year, service + day, or a credit-code prefix). */
export function nextSequence(em: EntityManager, serviceCode: string, form: unknown, context: CertificateContext): Promise<number> {
  return nextNumber(em, numberScope(serviceCode, context.issuedOn, form));
}

/** YYYY-MM-DD plus whole years, for validity. */
export function addYears(localDate: string, years: number): string {
  const [y, m, d] = localDate.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}
