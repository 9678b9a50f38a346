import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDateOf } from '@onewindow/domain';
import { NotFoundError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { NoticePdfRenderer } from '@onewindow/documents';
import { ApplicantEntity, ApplicationEntity, CorrectionItem, FILE_STORAGE, FileStorage, NoticeEntity } from '@onewindow/persistence';
import { NoticeData } from './notices';
import { serviceOf } from './transition.service';

/** Renders official notices (issued by `issueNoticeIn`) and serves their PDFs. */
@Injectable()
export class NoticeService {
  private renderer: NoticePdfRenderer | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The worker's job: render and store the PDF once; a replay finds it done. */
  async render(noticeId: string): Promise<'rendered' | 'skipped'> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOneBy({ id: noticeId });
    if (!notice || notice.pdfSha256) return 'skipped';
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneByOrFail({ id: notice.applicationId });
    const applicant = await this.dataSource.getRepository(ApplicantEntity).findOneBy({ id: app.applicantId });
    const service = serviceOf(app);
    const data = notice.data as NoticeData;
    const labelOf = (item: CorrectionItem) =>
      item.materialCode ? (service.materials.find((m) => m.code === item.materialCode)?.name ?? item.materialCode) : (item.field ?? '');
    this.renderer ??= new NoticePdfRenderer();
    const pdf = await this.renderer.render({
      kind: notice.kind,
      number: notice.number,
      applicantName: app.entityName ?? applicant?.name ?? '',
      applicationNumber: app.number,
      serviceName: service.name,
      issuedOn: shanghaiDateOf(notice.issuedAt),
      ...(app.submittedAt ? { submittedOn: shanghaiDateOf(app.submittedAt) } : {}),
      ...(data.items ? { items: data.items.map((item) => ({ label: labelOf(item), reason: item.reason })) } : {}),
      ...(data.reason ? { reason: data.reason } : {}),
      ...(data.extensionWorkingDays ? { extensionWorkingDays: data.extensionWorkingDays } : {}),
      bureauName: this.config.BUREAU_NAME,
      creationDate: notice.issuedAt,
    });
    const stored = await this.storage.put(pdf);
    await this.dataSource.query('UPDATE notices SET pdf_sha256 = $2 WHERE id = $1 AND pdf_sha256 IS NULL', [notice.id, stored.sha256]);
    return 'rendered';
  }

  /** A notice's PDF for whoever may see its file (the caller checked that). */
  async pdf(applicationId: string, noticeId: string): Promise<{ bytes: Buffer; number: string }> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOneBy({ id: noticeId, applicationId });
    if (!notice?.pdfSha256) throw new NotFoundError();
    return { bytes: await this.storage.read(notice.pdfSha256), number: notice.number };
  }
}

