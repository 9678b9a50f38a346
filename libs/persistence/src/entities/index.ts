import { AccountEntity } from './account.entity';
import { ApplicantEntity } from './applicant.entity';
import { ApplicationPauseEntity } from './application-pause.entity';
import { ApplicationEntity } from './application.entity';
import { AuditDailyDigestEntity } from './audit-daily-digest.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CorrectionEntity } from './correction.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { LicenseEntity } from './license.entity';
import { MaterialEntity } from './material.entity';
import { NumberCounterEntity } from './number-counter.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { QueueCounterEntity } from './queue-counter.entity';
import { SessionEntity } from './session.entity';

export {
  AccountEntity,
  ApplicantEntity,
  ApplicationEntity,
  ApplicationPauseEntity,
  AuditDailyDigestEntity,
  AuditEventEntity,
  CorrectionEntity,
  IdempotencyKeyEntity,
  LicenseEntity,
  MaterialEntity,
  NumberCounterEntity,
  OutboxMessageEntity,
  QueueCounterEntity,
  SessionEntity,
};
export type { CorrectionItem } from './correction.entity';

export const ENTITIES = [
  AccountEntity,
  ApplicantEntity,
  ApplicationEntity,
  ApplicationPauseEntity,
  AuditDailyDigestEntity,
  AuditEventEntity,
  CorrectionEntity,
  IdempotencyKeyEntity,
  LicenseEntity,
  MaterialEntity,
  NumberCounterEntity,
  OutboxMessageEntity,
  QueueCounterEntity,
  SessionEntity,
];
