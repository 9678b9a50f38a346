"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicationsModule = void 0;
const common_1 = require("@nestjs/common");
const persistence_module_1 = require("./persistence.module");
const applicant_applications_service_1 = require("./applicant-applications.service");
const audit_digest_service_1 = require("./audit-digest.service");
const issuance_service_1 = require("./issuance.service");
const assisted_filing_service_1 = require("./assisted-filing.service");
const green_channel_service_1 = require("./green-channel.service");
const tracking_service_1 = require("./tracking.service");
const reconciler_service_1 = require("./reconciler.service");
const seal_carving_service_1 = require("./seal-carving.service");
const verification_service_1 = require("./verification.service");
const notice_service_1 = require("./notice.service");
const precheck_service_1 = require("./precheck.service");
const signing_keys_1 = require("./signing-keys");
const staff_workflow_service_1 = require("./staff-workflow.service");
const transition_service_1 = require("./transition.service");
const calendar_service_1 = require("./calendar.service");
const deadlines_service_1 = require("./deadlines.service");
const claims_service_1 = require("./claims.service");
const clock_actions_service_1 = require("./clock-actions.service");
const rating_service_1 = require("./rating.service");
const reports_1 = require("./reports");
const SERVICES = [
    applicant_applications_service_1.ApplicantApplicationsService,
    assisted_filing_service_1.AssistedFilingService,
    audit_digest_service_1.AuditDigestService,
    calendar_service_1.CalendarService,
    claims_service_1.ClaimsService,
    clock_actions_service_1.ClockActionsService,
    reports_1.DashboardService,
    deadlines_service_1.DeadlinesService,
    green_channel_service_1.GreenChannelService,
    issuance_service_1.IssuanceService,
    reports_1.KeyProjectsService,
    notice_service_1.NoticeService,
    precheck_service_1.PrecheckService,
    rating_service_1.RatingService,
    reconciler_service_1.ReconcilerService,
    reports_1.ReportsService,
    seal_carving_service_1.SealCarvingService,
    signing_keys_1.SigningKeys,
    staff_workflow_service_1.StaffWorkflowService,
    tracking_service_1.TrackingService,
    transition_service_1.TransitionService,
    verification_service_1.VerificationService,
];
let ApplicationsModule = class ApplicationsModule {
};
exports.ApplicationsModule = ApplicationsModule;
exports.ApplicationsModule = ApplicationsModule = __decorate([
    (0, common_1.Module)({
        imports: [persistence_module_1.PersistenceModule],
        providers: SERVICES,
        exports: [persistence_module_1.PersistenceModule, ...SERVICES],
    })
], ApplicationsModule);
