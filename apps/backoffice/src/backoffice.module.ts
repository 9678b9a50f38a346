import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ConfigModule } from '@onewindow/config';
import { ApplicationsModule } from '@onewindow/applications';
import { AccountGuard, SessionService } from '@onewindow/auth';
import { AssistedFilingsController } from './assisted-filings.controller';
import { StaffAuthController } from './auth.controller';
import { GreenChannelController } from './green-channel.controller';
import { SealCarvingController } from './seal-carving.controller';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';
import { StaffApplicationsController } from './staff-applications.controller';
import { AdminCalendarController } from './admin-calendar.controller';
import { ClockController } from './clock.controller';
import { AdminAccountsController } from './admin-accounts.controller';
import { ReportsController } from './reports.controller';
import { DashboardController } from './dashboard.controller';
import { KeyProjectsRegisterController } from './key-projects-register.controller';
import { PAGE_CONTROLLERS } from './pages';
import { FollowUpsController } from './follow-ups.controller';

@Module({
  imports: [ConfigModule, ApplicationsModule],
  controllers: [StaffAuthController, StaffApplicationsController, AssistedFilingsController, GreenChannelController, SealCarvingController, AdminCalendarController, ClockController, AdminAccountsController, ReportsController, DashboardController, KeyProjectsRegisterController, FollowUpsController, ...PAGE_CONTROLLERS],
  providers: [
    {
      provide: APP_GUARD,
      inject: [Reflector, SessionService],
      useFactory: (reflector: Reflector, sessions: SessionService) => new AccountGuard(reflector, sessions, { kind: 'staff', cookieName: STAFF_SESSION_COOKIE }),
    },
  ],
})
export class BackofficeModule {}
