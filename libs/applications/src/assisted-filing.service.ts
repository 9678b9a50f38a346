import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { getService, normalizeResidentId, validateFormDraft } from '@onewindow/domain';
import { ConflictError, ForbiddenError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { AccountsService, PASSWORD_TOKEN_HOURS } from '@onewindow/auth';
import { AccountEntity, ApplicantEntity, ApplicationEntity, KeyProjectEntity, MaterialEntity, queryReturning } from '@onewindow/persistence';
import type { Locale } from '@onewindow/web';
import { ActingAccount } from './acting-account';
import { ApplicantApplicationsService, isUuid, prefixFields, UploadInput } from './applicant-applications.service';
import { appendAuditEvent } from './audit-log';
import { findLinkedRecords, withPrefill } from './linked-records';
import { catalogueMessage, recordNotification } from './notifications';

type Staff = Extract<ActingAccount, { kind: 'staff' }>;

export interface AssistedFilingInput {
  applicant: { name: string; phone: string; idNumber: string };
  serviceCode: string;
  form?: Record<string, unknown>;
  authorization: { number: string; materialId: string };
}

const FILING_ROLES = ['window_clerk', 'helper'];

/**
 * 帮办、代办: staff file for a walk-in applicant with the applicant's written authorisation.
 * The applicant's account is made from their phone number when they have none, and an SMS
 * lets them set a password; the file is theirs, and shows who filed it on their behalf.
 */
@Injectable()
export class AssistedFilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicantApplicationsService,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  /** The authorisation scan, uploaded before the filing it belongs to. */
  async uploadAuthorization(staff: Staff, input: Omit<UploadInput, 'materialCode'>): Promise<{ materialId: string; sha256: string }> {
    this.assertMayFile(staff);
    const stored = await this.applications.storeUpload(input, ['application/pdf', 'image/jpeg', 'image/png']);
    const row = await this.dataSource.getRepository(MaterialEntity).save(
      this.dataSource.getRepository(MaterialEntity).create({
        applicationId: null,
        materialCode: 'authorization',
        fileName: stored.fileName,
        mimeType: stored.mimeType,
        sizeBytes: String(stored.sizeBytes),
        sha256: stored.sha256,
        uploadedBy: staff.id,
      }),
    );
    return { materialId: row.id, sha256: stored.sha256 };
  }

  async file(staff: Staff, input: AssistedFilingInput, locale: Locale): Promise<{ id: string; number: string; state: string; applicantAccountCreated: boolean }> {
    this.assertMayFile(staff);
    const service = getService(input.serviceCode);
    if (!service) throw new ValidationFailedError({ serviceCode: 'rules.unknown_service' });
    const checked = validateFormDraft(service.code, input.form ?? {}, locale);
    if (!checked.ok) throw new ValidationFailedError(prefixFields('form', checked.fields));
    const idNumber = normalizeResidentId(input.applicant.idNumber);

    return this.dataSource.transaction(async (em) => {
      const { account, applicant, created } = await this.findOrCreateApplicant(em, { ...input.applicant, idNumber });
      const claimed = await queryReturning<{ id: string }>(
        em,
        `UPDATE materials SET material_code = 'authorization' WHERE id = $1 AND application_id IS NULL AND uploaded_by = $2 RETURNING id`,
        [input.authorization.materialId, staff.id],
      );
      if (claimed.length === 0) throw new ValidationFailedError({ 'authorization.materialId': 'fields.invalid' });
      const form = withPrefill(checked.form, await findLinkedRecords(em, service.code, checked.form));
      const draft = await this.applications.insertDraft(em, {
        serviceCode: service.code,
        form,
        applicant,
        ownerAccountId: account.id,
        actor: staff,
        filedBy: staff.id,
        authorizationNumber: input.authorization.number,
      });
      await em.query('UPDATE materials SET application_id = $2 WHERE id = $1', [input.authorization.materialId, draft.id]);
      await this.joinKeyProject(em, draft.id);
      await appendAuditEvent(em, {
        applicationId: draft.id,
        actor: staff,
        action: 'assisted_filing',
        toState: 'draft',
        data: { onBehalfOf: applicant.id, authorizationNumber: input.authorization.number, applicantAccountCreated: created },
      });
      if (created) {
        const token = await this.accounts.issuePasswordToken(em, account.id);
        const link = `${this.config.PORTAL_PUBLIC_URL.replace(/\/+$/, '')}/set-password?token=${token}`;
        // By text only: the link is the new account's first way in, and its phone is all it has.
        const { body } = catalogueMessage('assisted_set_password', { name: applicant.name, service: service.name, number: draft.number, link, hours: String(PASSWORD_TOKEN_HOURS) });
        await recordNotification(em, { accountId: account.id, applicationId: draft.id, channel: 'sms', recipient: account.phone!, template: 'set-password', body });
      }
      return { ...draft, applicantAccountCreated: created };
    });
  }

  async upload(staff: Staff, id: string, input: UploadInput): Promise<{ id: string; sha256: string }> {
    await this.findWorkable(staff, id);
    return this.applications.uploadMaterial(staff, id, input);
  }

  async submit(staff: Staff, id: string, locale: Locale): Promise<{ state: string }> {
    await this.findWorkable(staff, id);
    return this.applications.submitOnce(staff, id, locale);
  }

  /** The files a staff member filed, or of key projects they assist. */
  async list(staff: Staff): Promise<Array<{ id: string; number: string; serviceCode: string; state: string; entityName: string | null; applicantName: string }>> {
    const rows: Array<{ id: string; number: string; service_code: string; state: string; entity_name: string | null; applicant_name: string }> = await this.dataSource.query(
      `SELECT a.id, a.number, a.service_code, a.state, a.entity_name, a.applicant_name FROM applications a
        WHERE a.filed_by_account_id = $1
           OR a.project_code IN (SELECT project_code FROM key_projects WHERE $1 = ANY(helper_ids))
        ORDER BY a.created_at DESC LIMIT 500`,
      [staff.id],
    );
    return rows.map((r) => ({ id: r.id, number: r.number, serviceCode: r.service_code, state: r.state, entityName: r.entity_name, applicantName: r.applicant_name }));
  }

  private assertMayFile(staff: Staff): void {
    if (!staff.roles.some((role) => FILING_ROLES.includes(role))) throw new ForbiddenError();
  }

  /** Staff work on a file here only if they filed it, or assist its key project. */
  private async findWorkable(staff: Staff, id: string): Promise<ApplicationEntity> {
    this.assertMayFile(staff);
    if (!isUuid(id)) throw new NotFoundError();
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app) throw new NotFoundError();
    if (app.filedByAccountId === staff.id) return app;
    if (app.projectCode) {
      const project = await this.dataSource.getRepository(KeyProjectEntity).findOneBy({ projectCode: app.projectCode });
      if (project?.helperIds.includes(staff.id)) return app;
    }
    throw new TransitionRefusedError('not_your_filing');
  }

  private async findOrCreateApplicant(
    em: EntityManager,
    person: { name: string; phone: string; idNumber: string },
  ): Promise<{ account: AccountEntity; applicant: ApplicantEntity; created: boolean }> {
    const byPhone = await em.getRepository(AccountEntity).findOneBy({ phone: person.phone });
    if (byPhone) {
      if (byPhone.kind !== 'applicant' || byPhone.idNumber !== person.idNumber) throw new ConflictError('errors.applicant_mismatch');
      const applicant = await em.getRepository(ApplicantEntity).findOneByOrFail({ accountId: byPhone.id, kind: 'person' });
      return { account: byPhone, applicant, created: false };
    }
    if (await em.getRepository(AccountEntity).findOneBy({ idNumber: person.idNumber })) throw new ConflictError('errors.applicant_mismatch');
    const account = await em.getRepository(AccountEntity).save(
      em.getRepository(AccountEntity).create({ kind: 'applicant', name: person.name, phone: person.phone, idNumber: person.idNumber, passwordHash: null, roles: [], sections: [] }),
    );
    let applicant = await em.getRepository(ApplicantEntity).findOneBy({ idNumber: person.idNumber });
    if (applicant) {
      await em.getRepository(ApplicantEntity).update({ id: applicant.id }, { accountId: account.id, phone: person.phone });
    } else {
      applicant = await em.getRepository(ApplicantEntity).save(
        em.getRepository(ApplicantEntity).create({ kind: 'person', name: person.name, idNumber: person.idNumber, phone: person.phone, accountId: account.id }),
      );
    }
    return { account, applicant, created: true };
  }

  /** A file of a key project goes through the green channel from the start. */
  private async joinKeyProject(em: EntityManager, applicationId: string): Promise<void> {
    await em.query(
      `UPDATE applications a SET green_channel = true, green_channel_reason = k.reason
         FROM key_projects k WHERE a.id = $1 AND a.project_code = k.project_code`,
      [applicationId],
    );
  }
}
