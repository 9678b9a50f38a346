import { Module } from '@nestjs/common';
import { PersistenceModule } from './persistence.module';
import { ApplicantApplicationsService } from './applicant-applications.service';
import { AuditDigestService } from './audit-digest.service';
import { IssuanceService } from './issuance.service';
import { AssistedFilingService } from './assisted-filing.service';
import { GreenChannelService } from './green-channel.service';
import { TrackingService } from './tracking.service';
import { ReconcilerService } from './reconciler.service';
import { SealCarvingService } from './seal-carving.service';
import { VerificationService } from './verification.service';
import { NoticeService } from './notice.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { PrecheckService } from './precheck.service';
import { SigningKeys } from './signing-keys';
import { StaffWorkflowService } from './staff-workflow.service';
import { TransitionService } from './transition.service';
import { CalendarService } from './calendar.service';
import { DeadlinesService } from './deadlines.service';
import { ClaimsService } from './claims.service';
import { ClockActionsService } from './clock-actions.service';
import { RatingService } from './rating.service';
import { DashboardService, KeyProjectsService, ReportsService } from './reports';
import { FailedJobsService } from './failed-jobs.service';
import { FollowUpsService } from './follow-ups.service';
import { ServiceSettingsService } from './service-settings.service';
import { StaffAccountsService } from './staff-accounts.service';

/** Every shared service, one a line (apps add only controllers or processors). */
const SERVICES = [
  ApplicantApplicationsService,
  AssistedFilingService,
  AuditDigestService,
  CalendarService,
  ClaimsService,
  ClockActionsService,
  DashboardService,
  DeadlinesService,
  FailedJobsService,
  FollowUpsService,
  GreenChannelService,
  IssuanceService,
  KeyProjectsService,
  NoticeService,
  NotificationDeliveryService,
  PrecheckService,
  RatingService,
  ReconcilerService,
  ReportsService,
  SealCarvingService,
  ServiceSettingsService,
  SigningKeys,
  StaffAccountsService,
  StaffWorkflowService,
  TrackingService,
  TransitionService,
  VerificationService,
];

/** The application services every app shares. */
@Module({
  imports: [PersistenceModule],
  providers: SERVICES,
  exports: [PersistenceModule, ...SERVICES],
})
export class ApplicationsModule {}
