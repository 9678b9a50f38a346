import { AccountEntity } from './account.entity';
import { RatingEntity } from './rating.entity';
import { SealCarvingOrderEntity } from './seal-carving-order.entity';
import { VerificationCheckEntity } from './verification-check.entity';
import { KeyProjectEntity } from './key-project.entity';
import { MonthlyReportEntity } from './monthly-report.entity';
import { DailyServiceStatEntity } from './daily-service-stat.entity';
import { ClockDueCounterEntity } from './clock-due-counter.entity';
import { PasswordTokenEntity } from './password-token.entity';
import { NotificationEntity } from './notification.entity';
import { NoticeEntity } from './notice.entity';
import { CalendarDayEntity } from './calendar-day.entity';
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
import { CaseNoteEntity } from './case-note.entity';
import { SessionEntity } from './session.entity';
import { ServiceSettingEntity } from './service-setting.entity';

export {
  AccountEntity,
  RatingEntity,
  SealCarvingOrderEntity,
  VerificationCheckEntity,
  KeyProjectEntity,
  MonthlyReportEntity,
  DailyServiceStatEntity,
  ClockDueCounterEntity,
  PasswordTokenEntity,
  NotificationEntity,
  NoticeEntity,
  CalendarDayEntity,
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
  CaseNoteEntity,
  SessionEntity,
  ServiceSettingEntity,
};
export type { CorrectionItem } from './correction.entity';
export type { FollowUpStatus } from './rating.entity';

export const ENTITIES = [
  AccountEntity,
  RatingEntity,
  SealCarvingOrderEntity,
  VerificationCheckEntity,
  KeyProjectEntity,
  MonthlyReportEntity,
  DailyServiceStatEntity,
  ClockDueCounterEntity,
  PasswordTokenEntity,
  NotificationEntity,
  NoticeEntity,
  CalendarDayEntity,
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
  CaseNoteEntity,
  SessionEntity,
  ServiceSettingEntity,
];
