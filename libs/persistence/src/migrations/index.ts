import { Initial1795824455414 } from './1795824455414-initial';
import { LicensePdfAfterNumber1795827461296 } from './1795827461296-license-pdf-after-number';
import { WindowQueueNoticesCalendar1795828057923 } from './1795828057923-window-queue-notices-calendar';
import { VerificationAndSealCarving1795828425786 } from './1795828425786-verification-and-seal-carving';
import { Ratings1795829110343 } from './1795829110343-ratings';
import { KeyProjectRegister1795829265224 } from './1795829265224-key-project-register';
import { LeadershipReports1795832175754 } from './1795832175754-leadership-reports';
import { ServiceSettings1795836199370 } from './1795836199370-service-settings';
import { CaseNotes1795836232388 } from './1795836232388-case-notes';
import { NotificationDelivery1795836292417 } from './1795836292417-notification-delivery';
import { AccountEmail1795840759856 } from './1795840759856-account-email';
import { ClaimedInboxIndex1795860012133 } from './1795860012133-claimed-inbox-index';

/** Every migration, in order. Generate a new one with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: Function[] = [
  Initial1795824455414, LicensePdfAfterNumber1795827461296, WindowQueueNoticesCalendar1795828057923,
  VerificationAndSealCarving1795828425786, Ratings1795829110343, KeyProjectRegister1795829265224,
  LeadershipReports1795832175754, ServiceSettings1795836199370, CaseNotes1795836232388,
  NotificationDelivery1795836292417, AccountEmail1795840759856, ClaimedInboxIndex1795860012133,
];
