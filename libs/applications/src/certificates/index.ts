import { CertificateSpec } from './certificate-spec';
import { businessLicenseCertificate } from './business-license.certificate';

export * from './certificate-spec';

/** One certificate spec per service code; a new service adds one line here. */
const CERTIFICATES: Record<string, CertificateSpec<never>> = {
  'business-license': businessLicenseCertificate as CertificateSpec<never>,
};

export function certificateOf(serviceCode: string): CertificateSpec<Record<string, unknown>> {
  const spec = CERTIFICATES[serviceCode];
  if (!spec) throw new Error(`no certificate spec for ${serviceCode}`);
  return spec as unknown as CertificateSpec<Record<string, unknown>>;
}
