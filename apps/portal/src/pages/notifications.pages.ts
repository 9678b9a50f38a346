import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { Public } from '@onewindow/auth';
import { NotificationEntity } from '@onewindow/persistence';
import { PageExceptionFilter, renderPage } from '@onewindow/web/views';
import { applicantOf } from './view-models';

const PAGE_SIZE = 100;

/**
 * The messages sent to the signed-in applicant (SMS and e-mail, as recorded before sending),
 * and outside production the development outbox: every recorded message, so a demo can see
 * what the senders would have sent.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller()
export class NotificationsPagesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get('notifications')
  async mine(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const rows = await this.dataSource.getRepository(NotificationEntity).find({ where: { accountId: account.id }, order: { createdAt: 'DESC' }, take: PAGE_SIZE });
    await renderPage(request, reply, 'portal/notifications.njk', { rows });
  }

  @Public()
  @Get('dev/outbox')
  async outbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.config.NODE_ENV === 'production') throw new NotFoundError();
    const rows = await this.dataSource.getRepository(NotificationEntity).find({ order: { createdAt: 'DESC' }, take: 200 });
    await renderPage(request, reply, 'portal/outbox.njk', { rows });
  }
}
