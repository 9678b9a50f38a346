import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '@onewindow/domain/errors';
import { AccountsService, Public, SessionService, tokenOf } from '@onewindow/auth';
import { cookiesSecure, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { STAFF_SESSION_COOKIE } from '../backoffice.constants';
import { homeOf, staffOf } from './staff-pages';

type FormBody = Record<string, unknown>;

/** Only a path of this app: a sign-in link never sends anyone elsewhere. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '';
}

/** Staff sign-in and sign-out as forms (the same AccountsService as the JSON API), and the start page by role. */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller()
export class StaffAuthPagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return redirectTo(reply, homeOf(staffOf(request)));
  }

  @Public()
  @Get('login')
  async loginPage(@Query('next') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderPage(request, reply, 'backoffice/login.njk', { values: { username: '' }, errors: {}, next: safeNext(next) });
  }

  @Public()
  @Post('login')
  async login(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const username = typeof body.username === 'string' ? body.username.trim().slice(0, 100) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
    const next = safeNext(body.next);
    const errors: Record<string, string> = {};
    if (!username) errors.username = translate(request.locale, 'bo.login.username_required');
    if (!password) errors.password = translate(request.locale, 'page.password_required');
    if (Object.keys(errors).length === 0) {
      try {
        const { token, account } = await this.accounts.signIn({ username }, password, 'staff', request.ip);
        void reply.setCookie(STAFF_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookiesSecure() });
        return redirectTo(reply, next || homeOf(account));
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        errors.password = translate(request.locale, 'bo.login.bad_credentials');
      }
    }
    const errorList = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
    await renderPage(request, reply, 'backoffice/login.njk', { values: { username }, errors, errorList, hasErrors: true, next }, 400);
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const token = tokenOf(request, STAFF_SESSION_COOKIE);
    if (token) await this.sessions.end(token);
    void reply.clearCookie(STAFF_SESSION_COOKIE, { path: '/' });
    return redirectTo(reply, '/login');
  }
}
