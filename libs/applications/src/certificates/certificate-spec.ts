import type { EntityManager } from 'typeorm';
import type { LicenseField } from '@onewindow/documents';

export interface CertificateContext {
  divisionCode: string;
  bureauName: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  issuedOn: string;
}

/**
 * What issuing a service's licence needs beyond its catalogue entry: how its number is
 * allocated, what the certificate shows and which particulars the signature covers.
 */
export interface CertificateSpec<Form = Record<string, unknown>> {
  /** Allocates the licence number inside the issuing transaction (gap-free). */
  allocateNumber(em: EntityManager, form: Form, context: CertificateContext): Promise<string>;
  holderName(form: Form): string;
  /** The holder's credit code, when the licence carries one. */
  creditCode(form: Form, number: string): string | undefined;
  /** The particulars the signature covers (shown on the verify page). */
  particulars(form: Form, number: string, context: CertificateContext): Record<string, string>;
  numberLabel: string;
  fields(form: Form, number: string, context: CertificateContext): LicenseField[];
  /** YYYY-MM-DD or null when the licence does not expire. */
  validUntil(issuedOn: string): string | null;
}
