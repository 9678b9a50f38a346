"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITIES = exports.SessionEntity = exports.QueueCounterEntity = exports.OutboxMessageEntity = exports.NumberCounterEntity = exports.MaterialEntity = exports.LicenseEntity = exports.IdempotencyKeyEntity = exports.CorrectionEntity = exports.AuditEventEntity = exports.AuditDailyDigestEntity = exports.ApplicationPauseEntity = exports.ApplicationEntity = exports.ApplicantEntity = exports.CalendarDayEntity = exports.NoticeEntity = exports.NotificationEntity = exports.PasswordTokenEntity = exports.DailyServiceStatEntity = exports.MonthlyReportEntity = exports.KeyProjectEntity = exports.VerificationCheckEntity = exports.SealCarvingOrderEntity = exports.RatingEntity = exports.AccountEntity = void 0;
const account_entity_1 = require("./account.entity");
Object.defineProperty(exports, "AccountEntity", { enumerable: true, get: function () { return account_entity_1.AccountEntity; } });
const rating_entity_1 = require("./rating.entity");
Object.defineProperty(exports, "RatingEntity", { enumerable: true, get: function () { return rating_entity_1.RatingEntity; } });
const seal_carving_order_entity_1 = require("./seal-carving-order.entity");
Object.defineProperty(exports, "SealCarvingOrderEntity", { enumerable: true, get: function () { return seal_carving_order_entity_1.SealCarvingOrderEntity; } });
const verification_check_entity_1 = require("./verification-check.entity");
Object.defineProperty(exports, "VerificationCheckEntity", { enumerable: true, get: function () { return verification_check_entity_1.VerificationCheckEntity; } });
const key_project_entity_1 = require("./key-project.entity");
Object.defineProperty(exports, "KeyProjectEntity", { enumerable: true, get: function () { return key_project_entity_1.KeyProjectEntity; } });
const monthly_report_entity_1 = require("./monthly-report.entity");
Object.defineProperty(exports, "MonthlyReportEntity", { enumerable: true, get: function () { return monthly_report_entity_1.MonthlyReportEntity; } });
const daily_service_stat_entity_1 = require("./daily-service-stat.entity");
Object.defineProperty(exports, "DailyServiceStatEntity", { enumerable: true, get: function () { return daily_service_stat_entity_1.DailyServiceStatEntity; } });
const password_token_entity_1 = require("./password-token.entity");
Object.defineProperty(exports, "PasswordTokenEntity", { enumerable: true, get: function () { return password_token_entity_1.PasswordTokenEntity; } });
const notification_entity_1 = require("./notification.entity");
Object.defineProperty(exports, "NotificationEntity", { enumerable: true, get: function () { return notification_entity_1.NotificationEntity; } });
const notice_entity_1 = require("./notice.entity");
Object.defineProperty(exports, "NoticeEntity", { enumerable: true, get: function () { return notice_entity_1.NoticeEntity; } });
const calendar_day_entity_1 = require("./calendar-day.entity");
Object.defineProperty(exports, "CalendarDayEntity", { enumerable: true, get: function () { return calendar_day_entity_1.CalendarDayEntity; } });
const applicant_entity_1 = require("./applicant.entity");
Object.defineProperty(exports, "ApplicantEntity", { enumerable: true, get: function () { return applicant_entity_1.ApplicantEntity; } });
const application_pause_entity_1 = require("./application-pause.entity");
Object.defineProperty(exports, "ApplicationPauseEntity", { enumerable: true, get: function () { return application_pause_entity_1.ApplicationPauseEntity; } });
const application_entity_1 = require("./application.entity");
Object.defineProperty(exports, "ApplicationEntity", { enumerable: true, get: function () { return application_entity_1.ApplicationEntity; } });
const audit_daily_digest_entity_1 = require("./audit-daily-digest.entity");
Object.defineProperty(exports, "AuditDailyDigestEntity", { enumerable: true, get: function () { return audit_daily_digest_entity_1.AuditDailyDigestEntity; } });
const audit_event_entity_1 = require("./audit-event.entity");
Object.defineProperty(exports, "AuditEventEntity", { enumerable: true, get: function () { return audit_event_entity_1.AuditEventEntity; } });
const correction_entity_1 = require("./correction.entity");
Object.defineProperty(exports, "CorrectionEntity", { enumerable: true, get: function () { return correction_entity_1.CorrectionEntity; } });
const idempotency_key_entity_1 = require("./idempotency-key.entity");
Object.defineProperty(exports, "IdempotencyKeyEntity", { enumerable: true, get: function () { return idempotency_key_entity_1.IdempotencyKeyEntity; } });
const license_entity_1 = require("./license.entity");
Object.defineProperty(exports, "LicenseEntity", { enumerable: true, get: function () { return license_entity_1.LicenseEntity; } });
const material_entity_1 = require("./material.entity");
Object.defineProperty(exports, "MaterialEntity", { enumerable: true, get: function () { return material_entity_1.MaterialEntity; } });
const number_counter_entity_1 = require("./number-counter.entity");
Object.defineProperty(exports, "NumberCounterEntity", { enumerable: true, get: function () { return number_counter_entity_1.NumberCounterEntity; } });
const outbox_message_entity_1 = require("./outbox-message.entity");
Object.defineProperty(exports, "OutboxMessageEntity", { enumerable: true, get: function () { return outbox_message_entity_1.OutboxMessageEntity; } });
const queue_counter_entity_1 = require("./queue-counter.entity");
Object.defineProperty(exports, "QueueCounterEntity", { enumerable: true, get: function () { return queue_counter_entity_1.QueueCounterEntity; } });
const session_entity_1 = require("./session.entity");
Object.defineProperty(exports, "SessionEntity", { enumerable: true, get: function () { return session_entity_1.SessionEntity; } });
exports.ENTITIES = [
    account_entity_1.AccountEntity,
    rating_entity_1.RatingEntity,
    seal_carving_order_entity_1.SealCarvingOrderEntity,
    verification_check_entity_1.VerificationCheckEntity,
    key_project_entity_1.KeyProjectEntity,
    monthly_report_entity_1.MonthlyReportEntity,
    daily_service_stat_entity_1.DailyServiceStatEntity,
    password_token_entity_1.PasswordTokenEntity,
    notification_entity_1.NotificationEntity,
    notice_entity_1.NoticeEntity,
    calendar_day_entity_1.CalendarDayEntity,
    applicant_entity_1.ApplicantEntity,
    application_entity_1.ApplicationEntity,
    application_pause_entity_1.ApplicationPauseEntity,
    audit_daily_digest_entity_1.AuditDailyDigestEntity,
    audit_event_entity_1.AuditEventEntity,
    correction_entity_1.CorrectionEntity,
    idempotency_key_entity_1.IdempotencyKeyEntity,
    license_entity_1.LicenseEntity,
    material_entity_1.MaterialEntity,
    number_counter_entity_1.NumberCounterEntity,
    outbox_message_entity_1.OutboxMessageEntity,
    queue_counter_entity_1.QueueCounterEntity,
    session_entity_1.SessionEntity,
];
