import { Body, Controller, Get, Logger, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getService, toShanghaiIso } from '@onewindow/domain';
import { TransitionRefusedError } from '@onewindow/domain/errors';
import { CalendarService } from '@onewindow/applications';
import { FailedJobsService } from '@onewindow/applications/failed-jobs.service';
import { ServiceSettingsService, ServiceSettingsView } from '@onewindow/applications/service-settings.service';
import { Roles } from '@onewindow/auth';
import { Locale, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { checked, FormBody, FormProblem, formProblem, staffActor, summaryOf, text } from './admin-page-helpers';

const serviceName = (code: string, locale: Locale) => {
  const s = getService(code);
  return s ? (locale === 'en' ? s.nameEn : s.name) : code;
};

const limitText = (days: number, unit: 'working' | 'calendar', locale: Locale) => translate(locale, `admin.services.days_${unit}${days === 1 ? '_one' : ''}`, { days });

/** This year in the bureau's time zone. */
const thisYear = () => Number(toShanghaiIso(new Date()).slice(0, 4));

/**
 * Administration of what the clock runs on and what the worker does (administrators only): the
 * holiday calendar (节假日与调休), per-service settings (promised days, green-channel days, optional
 * materials required), and the failed jobs of every queue with their retry.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('administrator')
@Controller('admin')
export class AdminSettingsPagesController {
  private readonly logger = new Logger('AdminPages');

  constructor(
    private readonly calendars: CalendarService,
    private readonly settings: ServiceSettingsService,
    private readonly failedJobs: FailedJobsService,
  ) {}

  // ----- the holiday calendar -----

  @Get('calendar')
  async calendar(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const year = typeof query.year === 'string' && /^\d{4}$/.test(query.year) ? Number(query.year) : thisYear();
    const flash = typeof query.added === 'string' ? { kind: 'added', date: query.added.slice(0, 10) } : typeof query.removed === 'string' ? { kind: 'removed', date: query.removed.slice(0, 10) } : null;
    await this.renderCalendar(request, reply, year, { date: '', kind: 'holiday', name: '' }, flash);
  }

  @Post('calendar')
  async addDay(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { date: text(body, 'date', 20), kind: text(body, 'kind', 20), name: text(body, 'name', 200) };
    const year = /^\d{4}-/.test(values.date) ? Number(values.date.slice(0, 4)) : thisYear();
    try {
      const problem: FormProblem = { status: 400, errors: {} };
      if (values.kind !== 'holiday' && values.kind !== 'workday') problem.errors.kind = translate(request.locale, 'admin.calendar.kind_required');
      if (!values.name) problem.errors.name = translate(request.locale, 'fields.required');
      if (Object.keys(problem.errors).length > 0) return this.renderCalendar(request, reply, year, values, null, problem);
      await this.calendars.setDay(staffActor(request), values.date, { kind: values.kind as 'holiday' | 'workday', name: values.name });
      return redirectTo(reply, `/admin/calendar?year=${year}&added=${values.date}`);
    } catch (error) {
      const problem = formProblem(error, request);
      // A make-up working day on a weekday is a problem of the kind chosen: shown there.
      if (error instanceof TransitionRefusedError && problem.message) return this.renderCalendar(request, reply, year, values, null, { status: problem.status, errors: { kind: problem.message } });
      return this.renderCalendar(request, reply, year, values, null, problem);
    }
  }

  @Post('calendar/:date/delete')
  async removeDay(@Param('date') date: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.calendars.deleteDay(staffActor(request), date);
    return redirectTo(reply, `/admin/calendar?year=${date.slice(0, 4)}&removed=${date}`);
  }

  private async renderCalendar(
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    values: { date: string; kind: string; name: string },
    flash: { kind: string; date: string } | null,
    problem?: FormProblem,
  ) {
    const locale = request.locale;
    const shown = year >= 2000 && year <= 2100 ? year : thisYear();
    const calendar = await this.calendars.year(shown);
    const weekday = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { weekday: 'short', timeZone: 'UTC' });
    await renderPage(
      request,
      reply,
      'backoffice/admin/calendar.njk',
      {
        year: shown,
        provisional: calendar.provisional,
        days: calendar.days.map((d) => ({ ...d, weekday: weekday.format(new Date(`${d.date}T00:00:00Z`)) })),
        values,
        flash,
        errors: problem?.errors ?? {},
        errorList: problem ? summaryOf(problem, (f) => (f === 'kind' ? '#kind-holiday' : `#${f}`)) : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }

  // ----- per-service settings -----

  @Get('services')
  async services(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const locale = request.locale;
    const rows = await this.settings.list();
    await renderPage(request, reply, 'backoffice/admin/services.njk', { rows: rows.map((r) => this.settingsRow(r, locale)) });
  }

  @Get('services/:code')
  async serviceForm(@Param('code') code: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const current = await this.settings.get(code);
    await this.renderService(request, reply, current, { promisedDays: String(current.promisedDays), greenChannelDays: String(current.greenChannelDays), requiredMaterials: current.requiredMaterials }, query.saved === '1');
  }

  @Post('services/:code')
  async saveService(@Param('code') code: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = { promisedDays: text(body, 'promisedDays', 10), greenChannelDays: text(body, 'greenChannelDays', 10), requiredMaterials: checked(body, 'requiredMaterials') };
    try {
      await this.settings.update(staffActor(request), code, values);
      return redirectTo(reply, `/admin/services/${encodeURIComponent(code)}?saved=1`);
    } catch (error) {
      const problem = formProblem(error, request);
      return this.renderService(request, reply, await this.settings.get(code), values, false, problem);
    }
  }

  private settingsRow(r: ServiceSettingsView, locale: Locale) {
    const materialName = (code: string) => {
      const m = r.optionalMaterials.find((x) => x.code === code);
      return m ? (locale === 'en' ? m.nameEn : m.name) : code;
    };
    return {
      ...r,
      serviceName: serviceName(r.serviceCode, locale),
      promised: limitText(r.promisedDays, r.unit, locale),
      green: limitText(r.greenChannelDays, r.unit, locale),
      legal: limitText(r.legalLimit.days, r.legalLimit.unit, locale),
      defaultPromised: limitText(r.defaults.promisedDays, r.unit, locale),
      defaultGreen: limitText(r.defaults.greenChannelDays, r.unit, locale),
      requiredNames: r.requiredMaterials.map(materialName),
    };
  }

  private async renderService(
    request: FastifyRequest,
    reply: FastifyReply,
    current: ServiceSettingsView,
    values: { promisedDays: string; greenChannelDays: string; requiredMaterials: string[] },
    saved: boolean,
    problem?: FormProblem,
  ) {
    const locale = request.locale;
    const history = await this.settings.history(current.serviceCode);
    const unitWord = translate(locale, `admin.services.unit_${current.unit}`);
    await renderPage(
      request,
      reply,
      'backoffice/admin/service.njk',
      {
        s: this.settingsRow(current, locale),
        unitWord,
        values,
        materials: current.optionalMaterials.map((m) => ({
          code: m.code,
          label: locale === 'en' ? m.nameEn : m.name,
          condition: locale === 'en' ? m.conditionEn : m.condition,
          checked: values.requiredMaterials.includes(m.code),
        })),
        history: history.map((h) => ({
          ...h,
          promised: `${h.before.promisedDays} → ${h.after.promisedDays}`,
          green: `${h.before.greenChannelDays} → ${h.after.greenChannelDays}`,
          materials: h.after.requiredMaterials.map((code) => {
            const m = current.optionalMaterials.find((x) => x.code === code);
            return m ? (locale === 'en' ? m.nameEn : m.name) : code;
          }),
        })),
        saved,
        errors: problem?.errors ?? {},
        errorList: problem ? summaryOf(problem, (f) => (f === 'requiredMaterials' ? '#materials-first' : `#${f}`)) : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }

  // ----- failed jobs -----

  @Get('jobs')
  async jobs(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.renderJobs(request, reply, typeof query.retried === 'string' ? query.retried.slice(0, 240) : '');
  }

  @Post('jobs/:queue/:id/retry')
  async retry(@Param('queue') queue: string, @Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      await this.failedJobs.retry(staffActor(request), queue, id);
      return redirectTo(reply, `/admin/jobs?retried=${encodeURIComponent(`${queue}/${id}`)}`);
    } catch (error) {
      return this.renderJobs(request, reply, '', formProblem(error, request));
    }
  }

  private async renderJobs(request: FastifyRequest, reply: FastifyReply, retried: string, problem?: FormProblem) {
    let jobs: Awaited<ReturnType<FailedJobsService['list']>> | null = null;
    try {
      jobs = await this.failedJobs.list();
    } catch (error) {
      this.logger.warn(`failed jobs could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    await renderPage(
      request,
      reply,
      'backoffice/admin/jobs.njk',
      {
        jobs: jobs?.map((j) => ({ ...j, idParam: encodeURIComponent(j.id) })) ?? null,
        retried,
        errorList: problem ? summaryOf(problem) : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }
}
