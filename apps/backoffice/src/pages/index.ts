import type { Type } from '@nestjs/common';
import { StaffAuthPagesController } from './auth.pages';
import { WorkbenchPagesController } from './workbench.pages';
import { CasePagesController } from './case.pages';
import { AssistedFilingPagesController } from './assisted-filing.pages';
import { ReportsPagesController } from './reports.pages';
import { KeyProjectsPagesController } from './key-projects.pages';
import { SealOrdersPagesController } from './seal-orders.pages';
import { AdminPagesController } from './admin.pages';
import { AdminSettingsPagesController } from './admin-settings.pages';
import { FollowUpsPagesController } from './follow-ups.pages';

/**
 * The back office's page controllers (server-rendered, nunjucks views under
 * libs/web/views/backoffice). One per line, so that adding one never touches another's line.
 */
export const PAGE_CONTROLLERS: Array<Type<unknown>> = [
  StaffAuthPagesController,
  WorkbenchPagesController,
  CasePagesController,
  AssistedFilingPagesController,
  ReportsPagesController,
  KeyProjectsPagesController,
  SealOrdersPagesController,
  AdminPagesController,
  AdminSettingsPagesController,
  FollowUpsPagesController,
];
