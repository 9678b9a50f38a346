import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDateOf } from '@onewindow/domain';
import { AppConfig } from '@onewindow/config';
import { LicensePdfRenderer, signLicensePayload, verificationUrl } from '@onewindow/documents';
import { ApplicationEntity, FILE_STORAGE, FileStorage, LicenseEntity, queryReturning } from '@onewindow/persistence';
import { QUEUES } from '@onewindow/queues';
import { SYSTEM } from './acting-account';
import { enqueueJob } from './outbox';
import { certificateOf } from './certificates';
import { SigningKeys } from './signing-keys';
import { serviceOf, TransitionService } from './transition.service';

/**
 * The issuance job's work, in two short transactions so that rendering never holds the
 * number counter's lock:
 *  1. reserve: allocate the number, sign the payload and write the licence row (the number is
 *     bound to this file from now on, so numbers stay gap-free even if step 2 fails);
 *  2. complete: render the PDF from the row (same row, same bytes), store it, record its hash
 *     and move the file to `issued`.
 * Idempotent per application: a replayed or retried job reuses the row and finishes the work.
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
    const license = await this.reserve(applicationId);
    if (!license) return 'skipped';
    const pdf = await this.render(license);
    const stored = await this.storage.put(pdf);
    return this.dataSource.transaction(async (em) => {
      const app = await em.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne();
      if (!app || app.state !== 'issuing') return 'skipped';
      await queryReturning(em, 'UPDATE licenses SET pdf_sha256 = $2, pdf_size_bytes = $3 WHERE id = $1 AND pdf_sha256 IS NULL RETURNING id', [
        license.id,
        stored.sha256,
        stored.sizeBytes,
      ]);
      await this.transitions.applyIn(em, app.id, { action: 'issued', actor: SYSTEM, data: { number: license.number, pdfSha256: stored.sha256 } }, app);
      // 免费刻章: a new market entity's first seal set is carved at no cost.
      if (app.serviceCode === 'business-license') await enqueueJob(em, QUEUES.sealCarving, 'open-seal-order', { applicationId: app.id });
      return 'issued';
    });
  }

  /** Step 1: the licence row for a file in `issuing`, made once. Null when there is nothing to issue. */
  private async reserve(applicationId: string): Promise<LicenseEntity | null> {
    return this.dataSource.transaction(async (em) => {
      const app = await em.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne();
      if (!app || app.state !== 'issuing') return null;
      const existing = await em.getRepository(LicenseEntity).findOneBy({ applicationId: app.id });
      if (existing) return existing;

      const service = serviceOf(app);
      const certificate = certificateOf(app.serviceCode);
      // Whole seconds, so the PDF's dates and the row's agree when the PDF is rendered again on retry.
      const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const context = { divisionCode: this.config.DIVISION_CODE, bureauName: this.config.BUREAU_NAME, issuedOn: shanghaiDateOf(issuedAt) };
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
      const row = em.getRepository(LicenseEntity).create({
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
        pdfSha256: null,
        pdfSizeBytes: null,
      });
      return em.getRepository(LicenseEntity).save(row);
    });
  }

  /** Step 2's rendering: everything comes from the licence row and the file's form. */
  private async render(license: LicenseEntity): Promise<Buffer> {
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneByOrFail({ id: license.applicationId });
    const service = serviceOf(app);
    const certificate = certificateOf(app.serviceCode);
    const context = { divisionCode: this.config.DIVISION_CODE, bureauName: this.config.BUREAU_NAME, issuedOn: shanghaiDateOf(license.issuedAt) };
    return this.renderer.render({
      layout: service.license.layout,
      title: service.license.title,
      number: { label: certificate.numberLabel, value: license.number },
      fields: certificate.fields(app.form, license.number, context),
      issuingAuthority: this.config.BUREAU_NAME,
      issuedOn: context.issuedOn,
      verifyUrl: verificationUrl(this.config.PORTAL_PUBLIC_URL, license.number, { d: license.signedPayload, sig: license.signature }),
      bureauName: this.config.BUREAU_NAME,
      creationDate: license.issuedAt,
    });
  }
}
