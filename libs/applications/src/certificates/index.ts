import { CertificateSpec } from './certificate-spec';
import { businessLicenseCertificate } from './business-license.certificate';
import { constructionCertificate } from './construction.certificate';
import { foodBusinessCertificate } from './food-business.certificate';
import { investmentFilingCertificate } from './investment-filing.certificate';
import { engineeringPlanningCertificate, landPlanningCertificate } from './planning.certificates';
import { nonEnterpriseCertificate, socialGroupCertificate } from './social-organizations.certificates';

export * from './certificate-spec';

/** One certificate spec per service code; a new service adds one line here. */
const CERTIFICATES: Record<string, CertificateSpec<never>> = {
  'business-license': businessLicenseCertificate as CertificateSpec<never>,
  'food-business': foodBusinessCertificate as CertificateSpec<never>,
  'investment-filing': investmentFilingCertificate as CertificateSpec<never>,
  'land-planning': landPlanningCertificate as CertificateSpec<never>,
  'engineering-planning': engineeringPlanningCertificate as CertificateSpec<never>,
  construction: constructionCertificate as CertificateSpec<never>,
  'non-enterprise': nonEnterpriseCertificate as CertificateSpec<never>,
  'social-group': socialGroupCertificate as CertificateSpec<never>,
};

export function certificateOf(serviceCode: string): CertificateSpec<Record<string, unknown>> {
  const spec = CERTIFICATES[serviceCode];
  if (!spec) throw new Error(`no certificate spec for ${serviceCode}`);
  return spec as unknown as CertificateSpec<Record<string, unknown>>;
}
