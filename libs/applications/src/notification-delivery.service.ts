import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@onewindow/config';
import { maskPersonalData } from '@onewindow/domain/personal-data';
import { EmailSender, NotificationSendError, OutgoingMessage, sendersFrom, SmsSender } from './notification-senders';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'given-up' | 'missing';

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

interface Row {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  subject: string | null;
  body: string;
  application_id: string | null;
  sent_at: Date | null;
  given_up_at: Date | null;
}

/**
 * The `notify` job's work: sends one recorded message through its channel's sender, exactly
 * once however often the job runs. The row stays locked while the sender works, so a second
 * delivery of the job waits and then finds `sent_at` set. Every try is counted on the row with
 * the last error; a failure the sender calls permanent, or the failure of the job's last
 * attempt, gives the message up.
 */
@Injectable()
export class NotificationDeliveryService {
  readonly sms: SmsSender;
  readonly email: EmailSender;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    const senders = sendersFrom(config);
    this.sms = senders.sms;
    this.email = senders.email;
  }

  /** `finalAttempt`: the job will not be tried again, so a failure now gives the message up. */
  async deliver(notificationId: string, options: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
    const result = await this.dataSource.transaction(async (em) => {
      const rows: Row[] = await em.query(
        'SELECT id, channel, recipient, template, subject, body, application_id, sent_at, given_up_at FROM notifications WHERE id = $1 FOR UPDATE',
        [notificationId],
      );
      const row = rows[0];
      if (!row) return { outcome: 'missing' as const };
      if (row.sent_at) return { outcome: 'already-sent' as const };
      if (row.given_up_at) return { outcome: 'given-up' as const };
      try {
        await this.send(row);
        await em.query('UPDATE notifications SET sent_at = now(), attempts = attempts + 1 WHERE id = $1', [row.id]);
        return { outcome: 'sent' as const };
      } catch (error) {
        const failure = error instanceof NotificationSendError ? error : new NotificationSendError(error instanceof Error ? error.message : String(error), false);
        const givenUp = failure.permanent || options.finalAttempt;
        await em.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2, given_up_at = CASE WHEN $3 THEN now() END WHERE id = $1`, [
          row.id,
          maskPersonalData(failure.message).slice(0, 500),
          givenUp,
        ]);
        return { outcome: 'failed' as const, failure };
      }
    });
    // Thrown after the commit, so that the row keeps the count and the error of this try.
    if (result.outcome === 'failed') throw result.failure;
    return result.outcome;
  }

  private async send(row: Row): Promise<void> {
    const message: OutgoingMessage = { id: row.id, channel: row.channel, to: row.recipient, template: row.template, body: row.body, applicationId: row.application_id };
    if (row.channel === 'sms') {
      if (!MOBILE.test(row.recipient)) throw new NotificationSendError('the recipient is not a mainland mobile number', true);
      return this.sms.sendSms(message);
    }
    if (row.channel === 'email') {
      if (!EMAIL.test(row.recipient)) throw new NotificationSendError('the recipient is not an e-mail address', true);
      return this.email.sendEmail({ ...message, subject: row.subject ?? row.template });
    }
    throw new NotificationSendError(`no sender for channel ${String(row.channel)}`, true);
  }
}
