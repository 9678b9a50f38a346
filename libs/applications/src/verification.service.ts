import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getService, shanghaiDateOf } from '@onewindow/domain';
import { verifyLicenseToken } from '@onewindow/documents';
import { LicenseEntity } from '@onewindow/persistence';
import { SigningKeys } from './signing-keys';

export type VerificationStatus = 'valid' | 'revoked' | 'expired' | 'not_genuine';

export interface VerificationResult {
  status: VerificationStatus;
  licenseNumber: string;
  service?: string;
  serviceName?: string;
  holderName?: string;
  issuedAt?: string;
  validUntil?: string;
  revokedAt?: string;
}

/**
 * Public verification of a licence's QR code. The signature proves the payload is ours (a
 * verifier with the published key can do this offline); online we add whether the licence has
 * been revoked or has expired. Only what the certificate itself shows is returned — never an
 * ID number or a phone — and each check is recorded with its answer, nothing about who asked.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
  ) {}

  async verify(licenseNumber: string, d: unknown, sig: unknown, now = new Date()): Promise<VerificationResult> {
    const result = await this.judge(licenseNumber, d, sig, now);
    await this.dataSource.query('INSERT INTO verification_checks (license_number, result) VALUES ($1, $2)', [licenseNumber.slice(0, 64), result.status]);
    return result;
  }

  private async judge(licenseNumber: string, d: unknown, sig: unknown, now: Date): Promise<VerificationResult> {
    const notGenuine: VerificationResult = { status: 'not_genuine', licenseNumber };
    const checked = verifyLicenseToken(d, sig, this.keys.publicKeys);
    if (!checked.ok || checked.payload.number !== licenseNumber) return notGenuine;
    const license = await this.dataSource.getRepository(LicenseEntity).findOneBy({ number: licenseNumber });
    // A valid signature over a payload we never recorded (or another one) is not one of ours.
    if (!license || license.signedPayload !== d) return notGenuine;
    const service = getService(license.serviceCode);
    const shown = {
      licenseNumber,
      service: license.serviceCode,
      serviceName: service?.license.title ?? license.serviceCode,
      holderName: license.holderName,
      issuedAt: license.issuedAt.toISOString(),
      ...(license.validUntil ? { validUntil: license.validUntil } : {}),
    };
    if (license.revokedAt) return { status: 'revoked', ...shown, revokedAt: license.revokedAt.toISOString() };
    if (license.validUntil && license.validUntil < shanghaiDateOf(now)) return { status: 'expired', ...shown };
    return { status: 'valid', ...shown };
  }
}
