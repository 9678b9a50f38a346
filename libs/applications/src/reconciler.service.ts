import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getService } from '@onewindow/domain';
import { QUEUES } from '@onewindow/queues';
import { enqueueJob } from './outbox';

export interface ReconcileReport {
  precheck: number;
  issue: number;
  notices: number;
  sealOrders: number;
  notifications: number;
}

/**
 * PostgreSQL is the record and Redis only carries work: when Redis lost jobs (flushed,
 * restarted without persistence, a relay died between enqueue and mark), the committed state
 * still says what is unfinished. This finds every file whose machine work never completed and
 * queues it again through the outbox. Every job is idempotent, so work queued twice is done once.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Work older than `graceSeconds` (so the normal path has had its chance) is queued again. */
  async reconcile(graceSeconds = 60): Promise<ReconcileReport> {
    return this.dataSource.transaction(async (em) => {
      const report: ReconcileReport = { precheck: 0, issue: 0, notices: 0, sealOrders: 0, notifications: 0 };
      const stale = `now() - make_interval(secs => ${Number(graceSeconds)})`;
      const submitted: Array<{ id: string; service_code: string }> = await em.query(
        `SELECT id, service_code FROM applications WHERE state = 'submitted' AND updated_at < ${stale} ORDER BY updated_at LIMIT 1000`,
      );
      for (const app of submitted) {
        const service = getService(app.service_code);
        if (service) await enqueueJob(em, service.queue, 'precheck', { applicationId: app.id });
      }
      report.precheck = submitted.length;

      const issuing: Array<{ id: string }> = await em.query(
        `SELECT id FROM applications WHERE state = 'issuing' AND updated_at < ${stale} ORDER BY updated_at LIMIT 1000`,
      );
      for (const app of issuing) await enqueueJob(em, QUEUES.issuance, 'issue', { applicationId: app.id });
      report.issue = issuing.length;

      const notices: Array<{ id: string }> = await em.query(
        `SELECT id FROM notices WHERE pdf_sha256 IS NULL AND issued_at < ${stale} ORDER BY issued_at LIMIT 1000`,
      );
      for (const notice of notices) await enqueueJob(em, QUEUES.documents, 'render-notice', { noticeId: notice.id });
      report.notices = notices.length;

      const sealOrders: Array<{ id: string }> = await em.query(
        `SELECT a.id FROM applications a
          WHERE a.service_code = 'business-license' AND a.state = 'issued' AND a.issued_at < ${stale}
            AND NOT EXISTS (SELECT 1 FROM seal_carving_orders o WHERE o.application_id = a.id)
          LIMIT 1000`,
      );
      for (const app of sealOrders) await enqueueJob(em, QUEUES.sealCarving, 'open-seal-order', { applicationId: app.id });
      report.sealOrders = sealOrders.length;

      // Messages not sent a minute after they were recorded (their job lost, or never queued): the
      // job id is the message's, so a job still waiting or retrying is not queued twice.
      const unsent: Array<{ id: string }> = await em.query(
        `SELECT id FROM notifications WHERE sent_at IS NULL AND given_up_at IS NULL AND created_at < ${stale} ORDER BY created_at LIMIT 1000`,
      );
      for (const notification of unsent) await enqueueJob(em, QUEUES.notifications, 'notify', { notificationId: notification.id });
      report.notifications = unsent.length;

      const total = report.precheck + report.issue + report.notices + report.sealOrders + report.notifications;
      if (total > 0) this.logger.warn(`re-queued unfinished work: ${JSON.stringify(report)}`);
      return report;
    });
  }
}
