import { EntityManager } from 'typeorm';
import { NoticeKind, noticeNumber, noticeNumberScope, shanghaiDateOf } from '@onewindow/domain';
import { CorrectionItem, NoticeEntity } from '@onewindow/persistence';
import { QUEUES } from '@onewindow/queues';
import { nextNumber } from './number-allocator';
import { enqueueJob } from './outbox';

export interface NoticeData {
  items?: CorrectionItem[];
  reason?: string | null;
  extensionWorkingDays?: number;
}

/** Which notice each transition issues. */
export const NOTICE_OF_ACTION: Partial<Record<string, NoticeKind>> = {
  submit: 'receipt',
  resubmit: 'receipt',
  accept: 'acceptance',
  request_correction: 'correction',
  precheck_fail: 'correction',
  refuse: 'non_acceptance',
  approve: 'approval',
  deny: 'denial',
};

/**
 * Issues an official notice (文书) inside the transaction of the step that issues it, so that
 * notice numbers are gap-free and every step has its notice; the worker renders the PDF later.
 */
export async function issueNoticeIn(em: EntityManager, applicationId: string, kind: NoticeKind, data: NoticeData = {}): Promise<NoticeEntity> {
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const year = Number(shanghaiDateOf(issuedAt).slice(0, 4));
  const number = noticeNumber(kind, year, await nextNumber(em, noticeNumberScope(kind, year)));
  const notice = await em.getRepository(NoticeEntity).save(
    em.getRepository(NoticeEntity).create({ applicationId, kind, number, issuedAt, data: JSON.parse(JSON.stringify(data)), pdfSha256: null }),
  );
  await enqueueJob(em, QUEUES.documents, 'render-notice', { noticeId: notice.id });
  return notice;
}
