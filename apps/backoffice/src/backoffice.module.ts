import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@onewindow/config';
import { ApplicationsModule } from '@onewindow/applications';
import { AccountGuard, AccountsService, SessionService } from '@onewindow/auth';
import { StaffAuthController } from './auth.controller';
import { STAFF_SESSION_COOKIE } from './backoffice.constants';
import { StaffApplicationsController } from './staff-applications.controller';

@Module({
  imports: [ConfigModule, ApplicationsModule],
  controllers: [StaffAuthController, StaffApplicationsController],
  providers: [
    { provide: AccountsService, inject: [DataSource, SessionService], useFactory: (ds: DataSource, s: SessionService) => new AccountsService(ds, s) },
    {
      provide: APP_GUARD,
      inject: [Reflector, SessionService],
      useFactory: (reflector: Reflector, sessions: SessionService) => new AccountGuard(reflector, sessions, { kind: 'staff', cookieName: STAFF_SESSION_COOKIE }),
    },
  ],
})
export class BackofficeModule {}
