import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ConfigModule } from '@onewindow/config';
import { RateLimitModule } from '@onewindow/web';
import { ApplicationsModule } from '@onewindow/applications';
import { AccountGuard, SessionService } from '@onewindow/auth';
import { ApplicationsController } from './applications.controller';
import { AuthController } from './auth.controller';
import { PORTAL_SESSION_COOKIE } from './portal.constants';
import { ServicesController } from './services.controller';
import { TrackController } from './track.controller';
import { VerifyController } from './verify.controller';
import { VerifyKeysController } from './verify-keys.controller';
import { RatingController } from './rating.controller';
import { StartOfWorksController } from './start-of-works.controller';
import { ApplicationsPagesController } from './pages/applications.pages';
import { AuthPagesController } from './pages/auth.pages';
import { FilingPagesController } from './pages/filing.pages';
import { NotificationsPagesController } from './pages/notifications.pages';
import { PublicPagesController } from './pages/public.pages';

@Module({
  imports: [ConfigModule, ApplicationsModule, RateLimitModule],
  controllers: [
    AuthController, ServicesController, ApplicationsController, TrackController, VerifyController, VerifyKeysController, RatingController, StartOfWorksController,
    PublicPagesController, AuthPagesController, FilingPagesController, ApplicationsPagesController, NotificationsPagesController,
  ],
  providers: [
    {
      provide: APP_GUARD,
      inject: [Reflector, SessionService],
      useFactory: (reflector: Reflector, sessions: SessionService) => new AccountGuard(reflector, sessions, { kind: 'applicant', cookieName: PORTAL_SESSION_COOKIE }),
    },
  ],
})
export class PortalModule {}
