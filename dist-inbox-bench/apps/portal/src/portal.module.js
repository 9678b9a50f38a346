"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PortalModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const config_1 = require("../../../libs/config/src/index.js");
const web_1 = require("../../../libs/web/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const auth_1 = require("../../../libs/auth/src/index.js");
const applications_controller_1 = require("./applications.controller");
const auth_controller_1 = require("./auth.controller");
const portal_constants_1 = require("./portal.constants");
const services_controller_1 = require("./services.controller");
const track_controller_1 = require("./track.controller");
const verify_controller_1 = require("./verify.controller");
const verify_keys_controller_1 = require("./verify-keys.controller");
const rating_controller_1 = require("./rating.controller");
const applications_pages_1 = require("./pages/applications.pages");
const auth_pages_1 = require("./pages/auth.pages");
const filing_pages_1 = require("./pages/filing.pages");
const notifications_pages_1 = require("./pages/notifications.pages");
const public_pages_1 = require("./pages/public.pages");
let PortalModule = class PortalModule {
};
exports.PortalModule = PortalModule;
exports.PortalModule = PortalModule = __decorate([
    (0, common_1.Module)({
        imports: [config_1.ConfigModule, applications_1.ApplicationsModule, web_1.RateLimitModule],
        controllers: [
            auth_controller_1.AuthController, services_controller_1.ServicesController, applications_controller_1.ApplicationsController, track_controller_1.TrackController, verify_controller_1.VerifyController, verify_keys_controller_1.VerifyKeysController, rating_controller_1.RatingController,
            public_pages_1.PublicPagesController, auth_pages_1.AuthPagesController, filing_pages_1.FilingPagesController, applications_pages_1.ApplicationsPagesController, notifications_pages_1.NotificationsPagesController,
        ],
        providers: [
            {
                provide: core_1.APP_GUARD,
                inject: [core_1.Reflector, auth_1.SessionService],
                useFactory: (reflector, sessions) => new auth_1.AccountGuard(reflector, sessions, { kind: 'applicant', cookieName: portal_constants_1.PORTAL_SESSION_COOKIE }),
            },
        ],
    })
], PortalModule);
