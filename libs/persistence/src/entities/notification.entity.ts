import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message to a person (SMS or e-mail), recorded in the transaction of what caused it, then sent
 * once by the worker's `notify` job through the channel's sender (outbox or webhook). `sent_at`
 * says it left; `attempts` and `last_error` say how sending went; `given_up_at` that it never will.
 */
@Entity('notifications')
@Index('notifications_account_idx', ['accountId', 'createdAt'])
@Index('notifications_recipient_idx', ['recipient', 'createdAt'])
// The reconciler's sweep: messages still waiting for a sender.
@Index('notifications_unsent_idx', ['createdAt'], { where: 'sent_at IS NULL AND given_up_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'text' })
  channel: 'sms' | 'email';

  /** Phone number or e-mail address. */
  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  template: string;

  /** An e-mail's subject line (null for text messages). */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  /** The message as rendered (and sent), in the recipient's language. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Sends tried, successful or not. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Why the last failed try failed (personal data masked). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The sender refused it for good, or every retry failed: nothing will send it again. */
  @Column({ name: 'given_up_at', type: 'timestamptz', nullable: true })
  givenUpAt: Date | null;
}
