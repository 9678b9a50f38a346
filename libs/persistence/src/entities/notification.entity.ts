import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message to a person (SMS or e-mail), recorded before it is sent. In development the
 * senders only record: this table is the outbox page's content.
 */
@Entity('notifications')
@Index('notifications_account_idx', ['accountId', 'createdAt'])
@Index('notifications_recipient_idx', ['recipient', 'createdAt'])
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

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
