import { EntityManager } from 'typeorm';
import { NotificationEntity } from '@onewindow/persistence';

export interface NotificationInput {
  accountId?: string | null;
  applicationId?: string | null;
  channel: 'sms' | 'email';
  /** Phone number, e-mail address or staff username. */
  recipient: string;
  /** A stable name for the kind of message, e.g. `set-password`, `deadline-reminder`. */
  template: string;
  body: string;
}

/**
 * Records a message in the caller's transaction. The row is the outbox of the pluggable
 * senders: in development nothing leaves the machine and the outbox page shows the rows.
 */
export async function recordNotification(em: EntityManager, input: NotificationInput): Promise<NotificationEntity> {
  return em.getRepository(NotificationEntity).save(
    em.getRepository(NotificationEntity).create({
      accountId: input.accountId ?? null,
      applicationId: input.applicationId ?? null,
      channel: input.channel,
      recipient: input.recipient,
      template: input.template,
      body: input.body,
    }),
  );
}
