import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@onewindow/domain/errors';
import { maskPersonalData } from '@onewindow/domain/personal-data';
import { AppConfig } from '@onewindow/config';
import { Public } from '@onewindow/auth';
import { NotificationEntity } from '@onewindow/persistence';
import { PageExceptionFilter, renderPage } from '@onewindow/web/views';
import { applicantOf } from './view-models';

const PAGE_SIZE = 100;
const OUTBOX_SIZE = 200;

/** A set-password link in a message body: the token in it is as good as the password. */
const SET_PASSWORD_LINK = /https?:\/\/\S*?\/set-password\?token=[A-Za-z0-9_-]+/g;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The development outbox is served only in development and tests, and only when the demo (or a developer) asks for it. */
export function devOutboxEnabled(config: Pick<AppConfig, 'NODE_ENV' | 'DEV_OUTBOX'>): boolean {
  return (config.NODE_ENV === 'development' || config.NODE_ENV === 'test') && config.DEV_OUTBOX === '1';
}

/**
 * A request from the machine the portal runs on: the socket's peer is loopback and no proxy
 * forwarded it (a proxy on the same machine would make every visitor look local).
 */
function isLocalRequest(request: FastifyRequest): boolean {
  const peer = request.raw.socket?.remoteAddress ?? '';
  return LOOPBACK.has(peer) && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}

/** `138****0000` for phones, `l***@example.com` for e-mail addresses. */
function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return maskPersonalData(recipient);
}

type BodyPart = { text: string } | { link: string } | { hidden: true };

/** The body with personal data masked and each set-password link either kept as a link (local) or hidden. */
function bodyParts(body: string, showLinks: boolean): BodyPart[] {
  const parts: BodyPart[] = [];
  let from = 0;
  for (const match of body.matchAll(SET_PASSWORD_LINK)) {
    if (match.index > from) parts.push({ text: maskPersonalData(body.slice(from, match.index)) });
    parts.push(showLinks ? { link: match[0] } : { hidden: true });
    from = match.index + match[0].length;
  }
  if (from < body.length) parts.push({ text: maskPersonalData(body.slice(from)) });
  return parts;
}

/**
 * The messages sent to the signed-in applicant (as recorded, newest first), and the development
 * outbox: every recorded message with how its sending went, so a demo can see what the senders
 * sent. The outbox exists only where devOutboxEnabled says; phones are masked there, and the
 * set-password links (which sign a person in) open only for a browser on the demo machine.
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
    const rows = await this.dataSource.getRepository(NotificationEntity).find({ where: { accountId: account.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: PAGE_SIZE });
    await renderPage(request, reply, 'portal/notifications.njk', { rows });
  }

  @Public()
  @Get('dev/outbox')
  async outbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!devOutboxEnabled(this.config)) throw new NotFoundError();
    const local = isLocalRequest(request);
    const rows = await this.dataSource.getRepository(NotificationEntity).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: OUTBOX_SIZE });
    const messages = rows.map((n) => ({
      createdAt: n.createdAt,
      channel: n.channel,
      template: n.template,
      recipient: maskRecipient(n.recipient),
      parts: bodyParts(n.body, local),
      status: n.sentAt ? 'sent' : n.givenUpAt ? 'given_up' : 'waiting',
      sentAt: n.sentAt,
      attempts: n.attempts,
      lastError: n.lastError ? maskPersonalData(n.lastError) : null,
    }));
    await renderPage(request, reply, 'portal/outbox.njk', { messages });
  }
}
