import { Module } from '@nestjs/common';
import { PersistenceModule } from './persistence.module';
import { ApplicantApplicationsService } from './applicant-applications.service';
import { AuditDigestService } from './audit-digest.service';
import { IssuanceService } from './issuance.service';
import { AssistedFilingService } from './assisted-filing.service';
import { GreenChannelService } from './green-channel.service';
import { TrackingService } from './tracking.service';
import { SealCarvingService } from './seal-carving.service';
import { VerificationService } from './verification.service';
import { NoticeService } from './notice.service';
import { PrecheckService } from './precheck.service';
import { SigningKeys } from './signing-keys';
import { StaffWorkflowService } from './staff-workflow.service';
import { TransitionService } from './transition.service';
import { CalendarService } from './calendar.service';
import { DeadlinesService } from './deadlines.service';
import { ClaimsService } from './claims.service';
import { ClockActionsService } from './clock-actions.service';

/** The application services every app shares; the apps add only controllers or processors. */
@Module({
  imports: [PersistenceModule],
  providers: [CalendarService, DeadlinesService, ClaimsService, ClockActionsService, SealCarvingService, VerificationService, AssistedFilingService, GreenChannelService, TrackingService, NoticeService, AuditDigestService, TransitionService, ApplicantApplicationsService, StaffWorkflowService, PrecheckService, IssuanceService, SigningKeys],
  exports: [PersistenceModule, CalendarService, DeadlinesService, ClaimsService, ClockActionsService, SealCarvingService, VerificationService, AssistedFilingService, GreenChannelService, TrackingService, NoticeService, AuditDigestService, TransitionService, ApplicantApplicationsService, StaffWorkflowService, PrecheckService, IssuanceService, SigningKeys],
})
export class ApplicationsModule {}
