import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_ROLES } from '@onewindow/domain';
import { FailedJobsService } from '@onewindow/applications/failed-jobs.service';
import { FollowUpsService } from '@onewindow/applications/follow-ups.service';
import { SECTIONED_ROLES, SECTIONS, StaffAccountsService, StaffAccountView } from '@onewindow/applications/staff-accounts.service';
import { PASSWORD_MIN_LENGTH, Roles } from '@onewindow/auth';
import { Locale, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { checked, FormBody, FormProblem, formProblem, staffActor, summaryOf, text } from './admin-page-helpers';

const sectionName = (code: string, locale: Locale) => {
  const s = SECTIONS.find((x) => x.code === code);
  return s ? (locale === 'en' ? s.nameEn : s.name) : code;
};

/** The choices of the staff form, with what the account holds (or the form posted) checked. */
function choicesOf(locale: Locale, roles: readonly string[], sections: readonly string[]) {
  return {
    roleChoices: STAFF_ROLES.map((r) => ({ value: r, label: translate(locale, `admin.role.${r}`), hint: translate(locale, `admin.role_hint.${r}`), checked: roles.includes(r) })),
    sectionChoices: SECTIONS.map((s) => ({ value: s.code, label: locale === 'en' ? s.nameEn : s.name, checked: sections.includes(s.code) })),
  };
}

/**
 * Administration (administrators only): the start page, and staff accounts — list, create with an
 * initial password the policy accepts, roles and sections, password reset, disable (which ends the
 * person's sessions at once) and enable.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('administrator')
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly staff: StaffAccountsService,
    private readonly followUps: FollowUpsService,
    private readonly failedJobs: FailedJobsService,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const [accounts, followUps, failed] = await Promise.all([this.staff.list(), this.followUps.list(staffActor(request), 'open'), this.failedJobs.count().catch(() => null)]);
    await renderPage(request, reply, 'backoffice/admin/home.njk', {
      counts: { active: accounts.filter((a) => !a.disabledAt).length, disabled: accounts.filter((a) => a.disabledAt).length, followUps: followUps.counts.open, overdue: followUps.counts.overdue, failed: failed ?? 0, failedKnown: failed !== null },
    });
  }

  @Get('staff')
  async list(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const locale = request.locale;
    const accounts = await this.staff.list();
    await renderPage(request, reply, 'backoffice/admin/staff-list.njk', {
      accounts: accounts.map((a) => this.row(a, locale)),
      created: typeof query.created === 'string' ? query.created.slice(0, 40) : '',
    });
  }

  @Get('staff/new')
  async newForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.renderNew(request, reply, { username: '', name: '', roles: [], sections: [] });
  }

  @Post('staff')
  async create(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { username: text(body, 'username', 100), name: text(body, 'name', 200), roles: checked(body, 'roles'), sections: checked(body, 'sections') };
    try {
      const created = await this.staff.create(staffActor(request), { ...values, password: typeof body.password === 'string' ? body.password : '' });
      return redirectTo(reply, `/admin/staff?created=${encodeURIComponent(created.username)}`);
    } catch (error) {
      return this.renderNew(request, reply, values, formProblem(error, request));
    }
  }

  @Get('staff/:id')
  async editForm(@Param('id') id: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = await this.staff.get(id);
    const flash = ['saved', 'password', 'disabled', 'enabled'].find((k) => query[k] === '1') ?? null;
    await this.renderEdit(request, reply, account, { name: account.name, roles: account.roles, sections: account.sections }, { flash });
  }

  @Post('staff/:id')
  async update(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { name: text(body, 'name', 200), roles: checked(body, 'roles'), sections: checked(body, 'sections') };
    try {
      await this.staff.update(staffActor(request), id, values);
      return redirectTo(reply, `/admin/staff/${id}?saved=1`);
    } catch (error) {
      const problem = formProblem(error, request);
      return this.renderEdit(request, reply, await this.staff.get(id), values, { problem });
    }
  }

  @Post('staff/:id/password')
  async resetPassword(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.staff.resetPassword(staffActor(request), id, typeof body.password === 'string' ? body.password : '');
      return redirectTo(reply, `/admin/staff/${id}?password=1`);
    } catch (error) {
      const problem = formProblem(error, request);
      const account = await this.staff.get(id);
      return this.renderEdit(request, reply, account, { name: account.name, roles: account.roles, sections: account.sections }, { passwordProblem: problem });
    }
  }

  @Post('staff/:id/disable')
  async disable(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.staff.disable(staffActor(request), id);
      return redirectTo(reply, `/admin/staff/${id}?disabled=1`);
    } catch (error) {
      const problem = formProblem(error, request);
      const account = await this.staff.get(id);
      return this.renderEdit(request, reply, account, { name: account.name, roles: account.roles, sections: account.sections }, { problem: { ...problem, message: Object.values(problem.errors)[0] ?? problem.message, errors: {} } });
    }
  }

  @Post('staff/:id/enable')
  async enable(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.staff.enable(staffActor(request), id);
    return redirectTo(reply, `/admin/staff/${id}?enabled=1`);
  }

  private row(a: StaffAccountView, locale: Locale) {
    return {
      ...a,
      roleNames: a.roles.map((r) => translate(locale, `admin.role.${r}`)),
      sectionNames: a.sections.map((s) => sectionName(s, locale)),
    };
  }

  private async renderNew(request: FastifyRequest, reply: FastifyReply, values: { username: string; name: string; roles: string[]; sections: string[] }, problem?: FormProblem) {
    await renderPage(
      request,
      reply,
      'backoffice/admin/staff-new.njk',
      {
        values,
        ...choicesOf(request.locale, values.roles, values.sections),
        sectionedRoles: SECTIONED_ROLES.map((r) => translate(request.locale, `admin.role.${r}`)),
        passwordMin: PASSWORD_MIN_LENGTH,
        errors: problem?.errors ?? {},
        errorList: problem ? summaryOf(problem, (f) => (f === 'roles' ? '#roles-first' : f === 'sections' ? '#sections-first' : `#${f}`)) : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }

  private async renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    account: StaffAccountView,
    values: { name: string; roles: readonly string[]; sections: readonly string[] },
    state: { flash?: string | null; problem?: FormProblem; passwordProblem?: FormProblem },
  ) {
    const problem = state.problem ?? state.passwordProblem;
    await renderPage(
      request,
      reply,
      'backoffice/admin/staff-edit.njk',
      {
        account: this.row(account, request.locale),
        isSelf: account.id === staffActor(request).id,
        values,
        ...choicesOf(request.locale, values.roles, values.sections),
        sectionedRoles: SECTIONED_ROLES.map((r) => translate(request.locale, `admin.role.${r}`)),
        passwordMin: PASSWORD_MIN_LENGTH,
        flash: state.flash ?? null,
        errors: state.problem?.errors ?? {},
        passwordError: state.passwordProblem?.errors.password ?? state.passwordProblem?.message ?? '',
        errorList: problem
          ? summaryOf(problem, (f) => (f === 'roles' ? '#roles-first' : f === 'sections' ? '#sections-first' : state.passwordProblem ? '#password' : `#${f}`))
          : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }
}
