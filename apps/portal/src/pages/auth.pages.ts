import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, TransitionRefusedError, UnauthenticatedError } from '@onewindow/domain/errors';
import { AccountsService, Public, SessionService, tokenOf } from '@onewindow/auth';
import { cookiesSecure, flattenValidationErrors, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { RegisterDto, SetPasswordDto } from '../auth.dto';
import { PORTAL_SESSION_COOKIE } from '../portal.constants';
import { errorList, safeNext } from './view-models';

type FormBody = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The posted fields checked by the API's own request classes, reasons in the page's language. */
function check<T extends object>(dto: new () => T, values: Record<string, string | undefined>, request: FastifyRequest): Record<string, string> {
  const errors = validateSync(plainToInstance(dto, values), { whitelist: true });
  return Object.fromEntries(Object.entries(flattenValidationErrors(errors)).map(([field, key]) => [field, translate(request.locale, key)]));
}

/** Sign-in, registration, sign-out and the set-password link: the same services as the JSON API, as forms. */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller()
export class AuthPagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Get('login')
  async loginPage(@Query('next') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderPage(request, reply, 'portal/login.njk', { values: { phone: '' }, errors: {}, next: safeNext(next) });
  }

  @Public()
  @Post('login')
  async login(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { phone: text(body.phone), password: typeof body.password === 'string' ? body.password : '' };
    const next = safeNext(body.next);
    const errors: Record<string, string> = {};
    if (!/^1[3-9]\d{9}$/.test(values.phone)) errors.phone = translate(request.locale, 'fields.mobile');
    if (!values.password) errors.password = translate(request.locale, 'page.password_required');
    if (Object.keys(errors).length === 0) {
      try {
        const { token } = await this.accounts.signIn({ phone: values.phone }, values.password, 'applicant', request.ip);
        this.setSession(reply, token);
        return redirectTo(reply, next);
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        errors.password = translate(request.locale, 'errors.bad_credentials');
      }
    }
    await renderPage(request, reply, 'portal/login.njk', { values: { phone: values.phone }, errors, errorList: errorList(errors), hasErrors: true, next }, 400);
  }

  @Public()
  @Get('register')
  async registerPage(@Query('next') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderPage(request, reply, 'portal/register.njk', { values: {}, errors: {}, next: safeNext(next) });
  }

  @Public()
  @Post('register')
  async register(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = {
      name: text(body.name),
      phone: text(body.phone),
      idNumber: text(body.idNumber).toUpperCase(),
      email: text(body.email),
      password: typeof body.password === 'string' ? body.password : '',
    };
    const next = safeNext(body.next);
    // The e-mail address is optional: an empty box is no address.
    const input = { ...values, email: values.email || undefined };
    const errors = check(RegisterDto, input, request);
    if (Object.keys(errors).length === 0) {
      try {
        await this.accounts.registerApplicant(input);
        const { token } = await this.accounts.signIn({ phone: values.phone }, values.password, 'applicant', request.ip);
        this.setSession(reply, token);
        return redirectTo(reply, next);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const field = error.messageKey === 'errors.id_number_taken' ? 'idNumber' : 'phone';
        errors[field] = translate(request.locale, error.messageKey);
      }
    }
    const order = ['name', 'phone', 'email', 'idNumber', 'password'];
    const sorted = Object.fromEntries(order.filter((f) => errors[f]).map((f) => [f, errors[f]]));
    await renderPage(request, reply, 'portal/register.njk', { values: { ...values, password: '' }, errors: sorted, errorList: errorList(sorted), hasErrors: true, next }, 400);
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const token = tokenOf(request, PORTAL_SESSION_COOKIE);
    if (token) await this.sessions.end(token);
    void reply.clearCookie(PORTAL_SESSION_COOKIE, { path: '/' });
    return redirectTo(reply, '/');
  }

  /** The link an SMS carries to a person whose account staff made for them. */
  @Public()
  @Get('set-password')
  async setPasswordPage(@Query('token') token: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderPage(request, reply, 'portal/set-password.njk', { token: typeof token === 'string' ? token : '', errors: {} });
  }

  @Public()
  @Post('set-password')
  async setPassword(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { token: text(body.token), password: typeof body.password === 'string' ? body.password : '' };
    const errors = check(SetPasswordDto, values, request);
    if (errors.token) {
      errors.password = translate(request.locale, 'rules.password_token_invalid');
      delete errors.token;
    }
    if (values.password !== body.confirm && !errors.password) errors.confirm = translate(request.locale, 'page.password_mismatch');
    if (Object.keys(errors).length === 0) {
      try {
        await this.accounts.setPassword(values.token, values.password);
        return renderPage(request, reply, 'portal/set-password-done.njk');
      } catch (error) {
        if (!(error instanceof TransitionRefusedError)) throw error;
        errors.password = translate(request.locale, 'rules.password_token_invalid');
      }
    }
    await renderPage(request, reply, 'portal/set-password.njk', { token: values.token, errors, errorList: errorList(errors), hasErrors: true }, 400);
  }

  private setSession(reply: FastifyReply, token: string): void {
    void reply.setCookie(PORTAL_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookiesSecure() });
  }
}
