"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BackofficeModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const config_1 = require("../../../libs/config/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const assisted_filings_controller_1 = require("./assisted-filings.controller");
const auth_controller_1 = require("./auth.controller");
const green_channel_controller_1 = require("./green-channel.controller");
const seal_carving_controller_1 = require("./seal-carving.controller");
const backoffice_constants_1 = require("./backoffice.constants");
const staff_applications_controller_1 = require("./staff-applications.controller");
const admin_calendar_controller_1 = require("./admin-calendar.controller");
const clock_controller_1 = require("./clock.controller");
const admin_accounts_controller_1 = require("./admin-accounts.controller");
const reports_controller_1 = require("./reports.controller");
const dashboard_controller_1 = require("./dashboard.controller");
const key_projects_register_controller_1 = require("./key-projects-register.controller");
let BackofficeModule = class BackofficeModule {
};
exports.BackofficeModule = BackofficeModule;
exports.BackofficeModule = BackofficeModule = __decorate([
    (0, common_1.Module)({
        imports: [config_1.ConfigModule, applications_1.ApplicationsModule],
        controllers: [auth_controller_1.StaffAuthController, staff_applications_controller_1.StaffApplicationsController, assisted_filings_controller_1.AssistedFilingsController, green_channel_controller_1.GreenChannelController, seal_carving_controller_1.SealCarvingController, admin_calendar_controller_1.AdminCalendarController, clock_controller_1.ClockController, admin_accounts_controller_1.AdminAccountsController, reports_controller_1.ReportsController, dashboard_controller_1.DashboardController, key_projects_register_controller_1.KeyProjectsRegisterController],
        providers: [
            {
                provide: core_1.APP_GUARD,
                inject: [core_1.Reflector, auth_1.SessionService],
                useFactory: (reflector, sessions) => new auth_1.AccountGuard(reflector, sessions, { kind: 'staff', cookieName: backoffice_constants_1.STAFF_SESSION_COOKIE }),
            },
        ],
    })
], BackofficeModule);
