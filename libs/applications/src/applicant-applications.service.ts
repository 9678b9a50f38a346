import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  applicationNumberScope,
  EDITABLE_STATES,
  formatApplicationNumber,
  getService,
  normalizeEntityNameForDuplicateCheck,
  shanghaiDateOf,
  validateFormDraft,
} from '@onewindow/domain';
import {
  ConflictError,
  NotFoundError,
  SubmissionIncompleteError,
  TooLargeError,
  TransitionRefusedError,
  UnsupportedTypeError,
  ValidationFailedError,
} from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import {
  ApplicantEntity,
  ApplicationEntity,
  AuditEventEntity,
  CorrectionEntity,
  FILE_STORAGE,
  FileStorage,
  FileTooLargeError,
  StoredFileCorruptError,
  IdempotencyKeyEntity,
  LicenseEntity,
  MaterialEntity,
  NoticeEntity,
  SealCarvingOrderEntity,
  ApplicationPauseEntity,
  queryReturning,
} from '@onewindow/persistence';
import type { Locale } from '@onewindow/web';
import { ActingAccount, SYSTEM } from './acting-account';
import { findGaps } from './completeness';
import { findLinkedRecords, withPrefill } from './linked-records';
import { NoticeService } from './notice.service';
import { appendAuditEvent } from './audit-log';
import { clockOf } from './application-clock';
import { ApplicationView, toApplicationView } from './application-view';
import { SNIFF_BYTES, sniffMimeType } from './content-type';
import { nextNumber } from './number-allocator';
import { serviceOf, TransitionService } from './transition.service';
import { assertRoomForAnotherFile } from './upload-limits';

export type ApplicantAccount = Extract<ActingAccount, { kind: 'applicant' }>;

export interface UploadInput {
  materialCode: unknown;
  fileName: string;
  stream: Readable;
}

/** What applicants do with their own files. Every rule of who may see what is in `findOwned`. */
@Injectable()
export class ApplicantApplicationsService {
  private readonly logger = new Logger(ApplicantApplicationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly notices: NoticeService,
  ) {}

  async createDraft(account: ApplicantAccount, body: { serviceCode?: unknown; form?: unknown }, locale: Locale): Promise<{ id: string; number: string; state: string }> {
    const service = typeof body.serviceCode === 'string' ? getService(body.serviceCode) : undefined;
    if (!service) throw new ValidationFailedError({ serviceCode: 'rules.unknown_service' });
    const checked = validateFormDraft(service.code, body.form ?? {}, locale);
    if (!checked.ok) throw new ValidationFailedError(prefixFields('form', checked.fields));
    return this.dataSource.transaction(async (em) => {
      const applicant = await em.getRepository(ApplicantEntity).findOneBy({ accountId: account.id, kind: 'person' });
      if (!applicant) throw new NotFoundError();
      const form = withPrefill(checked.form, await findLinkedRecords(em, service.code, checked.form));
      return this.insertDraft(em, { serviceCode: service.code, form, applicant, ownerAccountId: account.id, actor: account });
    });
  }

  /** Inserts a draft with its number; shared with assisted filing by staff. */
  async insertDraft(
    em: EntityManager,
    input: {
      serviceCode: string;
      form: Record<string, unknown>;
      applicant: ApplicantEntity;
      ownerAccountId: string;
      actor: ActingAccount;
      filedBy?: string;
      authorizationNumber?: string;
    },
  ): Promise<{ id: string; number: string; state: string }> {
    const today = shanghaiDateOf(new Date());
    const sequence = await nextNumber(em, applicationNumberScope(today));
    const number = formatApplicationNumber(this.config.DIVISION_CODE, today, sequence);
    const entityName = entityNameOf(input.serviceCode, input.form);
    const app = await em.getRepository(ApplicationEntity).save(
      em.getRepository(ApplicationEntity).create({
        number,
        serviceCode: input.serviceCode,
        state: 'draft',
        applicantId: input.applicant.id,
        ownerAccountId: input.ownerAccountId,
        filedByAccountId: input.filedBy ?? null,
        form: input.form,
        entityName,
        entityNameKey: entityName ? normalizeEntityNameForDuplicateCheck(entityName) : null,
        contactPhone: input.applicant.phone,
        applicantName: input.applicant.name,
        projectCode: typeof input.form.projectCode === 'string' ? input.form.projectCode : null,
        ...(input.filedBy ? { authorizationNumber: input.authorizationNumber ?? null } : {}),
      }),
    );
    await this.transitions.countNew(em, input.serviceCode, 'draft');
    await appendAuditEvent(em, { applicationId: app.id, actor: input.actor, action: 'create', toState: 'draft', data: { number } });
    return { id: app.id, number, state: app.state };
  }

  async updateForm(account: ApplicantAccount, id: string, body: { form?: unknown }, locale: Locale): Promise<ApplicationView> {
    await this.dataSource.transaction(async (em) => {
      const app = await this.findOwned(em, account, id, { lock: true });
      if (!EDITABLE_STATES.includes(app.state)) throw new TransitionRefusedError('not_editable', { state: app.state });
      const checked = validateFormDraft(app.serviceCode, body.form ?? {}, locale);
      if (!checked.ok) throw new ValidationFailedError(prefixFields('form', checked.fields));
      const form = withPrefill(checked.form, await findLinkedRecords(em, app.serviceCode, checked.form));
      const entityName = entityNameOf(app.serviceCode, form);
      await em.query(
        'UPDATE applications SET form = $2, entity_name = $3, entity_name_key = $4, project_code = $5, updated_at = now() WHERE id = $1',
        [
          app.id,
          JSON.stringify(form),
          entityName,
          entityName ? normalizeEntityNameForDuplicateCheck(entityName) : null,
          typeof form.projectCode === 'string' ? form.projectCode : null,
        ],
      );
      await appendAuditEvent(em, { applicationId: app.id, actor: account, action: 'edit_form', fromState: app.state, toState: app.state });
    });
    return this.view(account, id);
  }

  async uploadMaterial(account: ApplicantAccount | ActingAccount, id: string, input: UploadInput): Promise<{ id: string; sha256: string }> {
    const app = await this.dataSource.transaction((em) => this.findOwned(em, account, id));
    const service = serviceOf(app);
    const material = service.materials.find((m) => m.code === input.materialCode);
    if (!material) {
      await drain(input.stream);
      throw new ValidationFailedError({ materialCode: 'rules.unknown_material' });
    }
    if (!EDITABLE_STATES.includes(app.state)) {
      await drain(input.stream);
      throw new TransitionRefusedError('not_editable', { state: app.state });
    }
    // Count limit: refused before the bytes are stored, and checked again under the row lock below.
    await assertRoomForAnotherFile(this.dataSource.manager, app.id).catch(async (error: unknown) => {
      await drain(input.stream);
      throw error;
    });
    const [{ used }]: Array<{ used: string }> = await this.dataSource.query(
      'SELECT COALESCE(sum(size_bytes), 0) AS used FROM materials WHERE application_id = $1',
      [app.id],
    );
    const stored = await this.storeUpload(input, material.accept, this.config.UPLOAD_MAX_BYTES_PER_APPLICATION - Number(used));
    return this.dataSource.transaction(async (em) => {
      const locked = await this.findOwned(em, account, id, { lock: true });
      const mimeType = stored.mimeType;
      if (!EDITABLE_STATES.includes(locked.state)) throw new TransitionRefusedError('not_editable', { state: locked.state });
      await assertRoomForAnotherFile(em, app.id);
      const row = await em.getRepository(MaterialEntity).save(
        em.getRepository(MaterialEntity).create({
          applicationId: app.id,
          materialCode: material.code,
          fileName: stored.fileName,
          mimeType,
          sizeBytes: String(stored.sizeBytes),
          sha256: stored.sha256,
          uploadedBy: account.id ?? app.ownerAccountId,
        }),
      );
      await appendAuditEvent(em, {
        applicationId: app.id,
        actor: account,
        action: 'upload_material',
        fromState: locked.state,
        toState: locked.state,
        data: { materialCode: material.code, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
      });
      return { id: row.id, sha256: stored.sha256 };
    });
  }

  /**
   * Stores an uploaded file after judging its type by its first bytes (415 when the checklist
   * item does not accept it) and bounding its size (413: per file, and what is left of the
   * file's quota).
   */
  async storeUpload(
    input: Pick<UploadInput, 'stream' | 'fileName'>,
    accept: readonly string[],
    remainingQuota = Number.POSITIVE_INFINITY,
  ): Promise<{ sha256: string; sizeBytes: number; mimeType: string; fileName: string }> {
    const { head, rest } = await splitHead(input.stream, SNIFF_BYTES);
    const mimeType = sniffMimeType(head);
    if (!mimeType || !accept.includes(mimeType)) {
      await drain(rest);
      throw new UnsupportedTypeError(accept.map((m) => m.replace('application/', '').replace('image/', '').toUpperCase()));
    }
    let stored;
    try {
      stored = await this.storage.put(Readable.from(prepend(head, rest)), { maxBytes: Math.min(this.config.UPLOAD_MAX_BYTES, remainingQuota) });
    } catch (error) {
      if (error instanceof FileTooLargeError) {
        if (remainingQuota < this.config.UPLOAD_MAX_BYTES) throw new TooLargeError(this.config.UPLOAD_MAX_BYTES_PER_APPLICATION, 'errors.upload_quota');
        throw new TooLargeError(error.maxBytes);
      }
      throw error;
    }
    if ((input.stream as Readable & { truncated?: boolean }).truncated) throw new TooLargeError(this.config.UPLOAD_MAX_BYTES);
    return { ...stored, mimeType, fileName: sanitizeFileName(input.fileName) };
  }

  /**
   * Submits (or resubmits after a correction). Checks every required field and material and
   * lists every gap at once (422). With an Idempotency-Key, a repeat returns the first result.
   */
  async submit(account: ApplicantAccount, id: string, locale: Locale, idempotencyKey?: string): Promise<{ state: string }> {
    if (!idempotencyKey) return this.submitOnce(account, id, locale);
    return this.idempotent(account.id, idempotencyKey, `POST /applications/${id}/submit`, (em) => this.submitIn(em, account, id, locale));
  }

  /** Submits as this actor: the owner, or staff filing on the owner's behalf (checked by the caller). */
  async submitOnce(account: ActingAccount, id: string, locale: Locale): Promise<{ state: string }> {
    return this.dataSource.transaction((em) => this.submitIn(em, account, id, locale));
  }

  private async submitIn(em: EntityManager, account: ActingAccount, id: string, locale: Locale): Promise<{ state: string }> {
    // Read under the row lock: the materials checked below cannot change before the transition.
    const app = await this.findOwned(em, account, id, { lock: true });
    const action = app.state === 'correction_required' ? 'resubmit' : 'submit';
    if (app.state === 'draft' || app.state === 'correction_required') {
      const gaps = await findGaps(em, app, locale);
      if (gaps.length > 0) throw new SubmissionIncompleteError(Object.fromEntries(gaps.map((g) => [g.path, g.reason])));
    }
    const updated = await this.transitions.applyIn(em, app.id, { action, actor: account }, app, { rowLocked: true });
    return { state: updated.state };
  }

  async withdraw(account: ApplicantAccount, id: string): Promise<{ state: string }> {
    return this.dataSource.transaction(async (em) => {
      const app = await this.findOwned(em, account, id);
      const updated = await this.transitions.applyIn(em, app.id, { action: 'withdraw', actor: account }, app);
      return { state: updated.state };
    });
  }

  async list(account: ApplicantAccount): Promise<Array<{ id: string; number: string; serviceCode: string; state: string; entityName: string | null; createdAt: string }>> {
    const rows = await this.dataSource.getRepository(ApplicationEntity).find({
      where: { ownerAccountId: account.id },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map((r) => ({ id: r.id, number: r.number, serviceCode: r.serviceCode, state: r.state, entityName: r.entityName, createdAt: r.createdAt.toISOString() }));
  }

  async view(account: ApplicantAccount, id: string): Promise<ApplicationView> {
    const app = await this.findOwned(this.dataSource.manager, account, id);
    return loadApplicationView(this.dataSource.manager, app, 'applicant', this.config.PORTAL_PUBLIC_URL);
  }

  /** The stored licence PDF, byte for byte; its hash is checked on read. */
  async licensePdf(account: ApplicantAccount, id: string): Promise<{ bytes: Buffer; number: string }> {
    const app = await this.findOwned(this.dataSource.manager, account, id);
    const license = await this.dataSource.getRepository(LicenseEntity).findOneBy({ applicationId: app.id });
    if (!license?.pdfSha256) throw new NotFoundError('errors.license_not_issued');
    try {
      return { bytes: await this.storage.read(license.pdfSha256), number: license.number };
    } catch (error) {
      // The stored licence no longer matches its recorded hash: never serve it; raise the alarm.
      if (error instanceof StoredFileCorruptError) {
        await this.dataSource.transaction((em) =>
          appendAuditEvent(em, { applicationId: app.id, actor: SYSTEM, action: 'stored_file_corrupt', fromState: app.state, toState: app.state, data: { sha256: license.pdfSha256 } }),
        );
        this.logger.error(`ALARM: stored licence PDF of ${app.number} (${license.pdfSha256}) does not match its hash`);
      }
      throw error;
    }
  }

  async noticePdf(account: ApplicantAccount, id: string, noticeId: string): Promise<{ bytes: Buffer; number: string }> {
    const app = await this.findOwned(this.dataSource.manager, account, id);
    if (!isUuid(noticeId)) throw new NotFoundError();
    return this.notices.pdf(app.id, noticeId);
  }

  /** An applicant sees only files they own: anything else is 404, never 403, so ids reveal nothing. */
  private async findOwned(em: EntityManager, account: ActingAccount, id: string, options: { lock?: boolean } = {}): Promise<ApplicationEntity> {
    if (!isUuid(id)) throw new NotFoundError();
    const qb = em.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (options.lock) qb.setLock('pessimistic_write');
    const app = await qb.getOne();
    if (!app) throw new NotFoundError();
    if (account.kind === 'applicant' && app.ownerAccountId !== account.id) throw new NotFoundError();
    return app;
  }

  /**
   * Runs `work` once per (caller, key). A repeat gets the stored result; the same key with a
   * different request is refused; a repeat that arrives while the first runs waits for it.
   * The claim, the work and the stored answer are one transaction: the repeat waits on the
   * first's uncommitted claim, and a request that fails or dies with its connection (a database
   * restart) takes its claim with it, so a retry is never refused for a claim nobody can finish.
   */
  private async idempotent<T>(accountId: string, key: string, request: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (key.length > 200) throw new ValidationFailedError({ 'Idempotency-Key': 'fields.text_too_long' });
    const requestHash = createHash('sha256').update(request).digest('hex');
    return this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'`, [accountId, key]);
      const claimed = await queryReturning<{ key: string }>(
        em,
        `INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
        [accountId, key, requestHash],
      );
      if (claimed.length === 0) {
        const existing = await em.getRepository(IdempotencyKeyEntity).findOneBy({ accountId, key });
        if (!existing) throw new ConflictError();
        if (existing.requestHash !== requestHash) throw new TransitionRefusedError('idempotency_key_reused');
        if (existing.statusCode === null) throw new ConflictError();
        return existing.responseBody as T;
      }
      const result = await work(em);
      await em.getRepository(IdempotencyKeyEntity).update({ accountId, key }, { statusCode: 200, responseBody: result as object });
      return result;
    });
  }
}

/** Everything an application's page shows, for an applicant or for staff. */
export async function loadApplicationView(em: EntityManager, app: ApplicationEntity, audience: 'applicant' | 'staff', portalUrl: string): Promise<ApplicationView> {
  const [materials, events, corrections, license, pauses, notices, sealOrder] = await Promise.all([
    em.getRepository(MaterialEntity).find({ where: { applicationId: app.id }, order: { uploadedAt: 'ASC' } }),
    em.getRepository(AuditEventEntity).find({ where: { applicationId: app.id }, order: { id: 'ASC' } }),
    em.getRepository(CorrectionEntity).find({ where: { applicationId: app.id }, order: { requestedAt: 'ASC' } }),
    em.getRepository(LicenseEntity).findOneBy({ applicationId: app.id }),
    em.getRepository(ApplicationPauseEntity).find({ where: { applicationId: app.id } }),
    em.getRepository(NoticeEntity).find({ where: { applicationId: app.id }, order: { issuedAt: 'ASC', number: 'ASC' } }),
    em.getRepository(SealCarvingOrderEntity).findOneBy({ applicationId: app.id }),
  ]);
  const service = serviceOf(app);
  return toApplicationView({ app, service, materials, events, corrections, license, notices, sealOrder, clock: clockOf(app, pauses, service, new Date()), portalUrl, audience });
}

/** The name the file is known by in queues and searches: the catalogue's holder name. */
function entityNameOf(serviceCode: string, form: Record<string, unknown>): string | null {
  try {
    const name = getService(serviceCode)?.holderName(form as never);
    return typeof name === 'string' && name.length > 0 ? name : null;
  } catch {
    return null;
  }
}

export function prefixFields(prefix: string, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, why]) => [`${prefix}.${path}`, why]));
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function sanitizeFileName(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  return (cleaned || 'upload').slice(0, 200);
}

/** Splits a stream into its first bytes (to judge the type) and an iterable of the rest. */
async function splitHead(stream: Readable, bytes: number): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer> }> {
  const iterator: AsyncIterator<Buffer> = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    while (!ended) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: Buffer.concat(chunks), rest: rest() };
}

async function* prepend(head: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  yield* rest;
}

/** Reads and drops what is left of a refused upload, so the request can complete. */
async function drain(rest: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of rest) void chunk;
}
