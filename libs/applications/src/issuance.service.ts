import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiLocalDate } from '@onewindow/domain';
import { AppConfig } from '@onewindow/config';
import { LicensePdfRenderer, signLicensePayload, verificationUrl } from '@onewindow/documents';
import { ApplicationEntity, FILE_STORAGE, FileStorage, LicenseEntity } from '@onewindow/persistence';
import { SYSTEM } from './acting-account';
import { certificateOf } from './certificates';
import { SigningKeys } from './signing-keys';
import { serviceOf, TransitionService } from './transition.service';

/**
 * The issuance job's work: number, signature, PDF, licence row and the `issued` transition in
 * one transaction. Idempotent per application: the licence row is unique per file, so a
 * replayed or retried job finds it and does nothing; a job that dies before commit leaves no
 * number taken (the counter row rolls back) and at most an orphaned PDF file.
 */
@Injectable()
export class IssuanceService {
  private readonly renderer = new LicensePdfRenderer();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async issue(applicationId: string): Promise<'issued' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const app = await em.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne();
      if (!app || app.state !== 'issuing') return 'skipped';
      const existing = await em.getRepository(LicenseEntity).findOneBy({ applicationId: app.id });
      if (existing) {
        await this.transitions.applyIn(em, app.id, { action: 'issued', actor: SYSTEM, data: { number: existing.number } }, app);
        return 'issued';
      }

      const service = serviceOf(app);
      const certificate = certificateOf(app.serviceCode);
      const issuedAt = new Date();
      const context = { divisionCode: this.config.DIVISION_CODE, bureauName: this.config.BUREAU_NAME, issuedOn: shanghaiLocalDate(issuedAt) };
      const number = await certificate.allocateNumber(em, app.form, context);
      const holderName = certificate.holderName(app.form);
      const creditCode = certificate.creditCode(app.form, number);
      const validUntil = certificate.validUntil(context.issuedOn);
      const token = signLicensePayload(
        {
          kid: this.keys.kid,
          number,
          service: service.code,
          holderName,
          ...(creditCode ? { creditCode } : {}),
          particulars: certificate.particulars(app.form, number, context),
          issuedOn: context.issuedOn,
          validUntil,
        },
        this.keys.privateKey,
      );
      const pdf = await this.renderer.render({
        layout: service.license.layout,
        title: service.license.title,
        number: { label: certificate.numberLabel, value: number },
        fields: certificate.fields(app.form, number, context),
        issuingAuthority: this.config.BUREAU_NAME,
        issuedOn: context.issuedOn,
        verifyUrl: verificationUrl(this.config.PORTAL_PUBLIC_URL, number, token),
        bureauName: this.config.BUREAU_NAME,
        creationDate: issuedAt,
      });
      const stored = await this.storage.put(pdf);
      await em.getRepository(LicenseEntity).insert({
        applicationId: app.id,
        number,
        serviceCode: service.code,
        holderName,
        creditCode: creditCode ?? null,
        issuedAt,
        validUntil,
        signedPayload: token.d,
        signature: token.sig,
        keyId: this.keys.kid,
        pdfSha256: stored.sha256,
        pdfSizeBytes: stored.sizeBytes,
      });
      await this.transitions.applyIn(em, app.id, { action: 'issued', actor: SYSTEM, data: { number } }, app);
      return 'issued';
    });
  }
}
