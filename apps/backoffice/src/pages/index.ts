import type { Type } from '@nestjs/common';
import { StaffAuthPagesController } from './auth.pages';

/**
 * The back office's page controllers (server-rendered, nunjucks views under
 * libs/web/views/backoffice). One per line, so that adding one never touches another's line.
 */
export const PAGE_CONTROLLERS: Array<Type<unknown>> = [
  StaffAuthPagesController,
];
