import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SERVICES, shanghaiDateOf } from '@onewindow/domain';
import { DomainError } from '@onewindow/domain/errors';
import { KeyProjectsService, KeyProjectView, monthPeriod, PermitProblem, PermitStep, previousMonth, quarterOf, quarterPeriod, StaffAccount } from '@onewindow/applications';
import { Roles, SignedInAccount } from '@onewindow/auth';
import { Locale, toApiError, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { monthTitle, serviceNameOf } from './reports.pages';
import { staffOf } from './staff-pages';

type FormBody = Record<string, unknown>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Roles whose pages link a file's number to its case page (leadership follows projects, not files). */
const SEE_FILES = ['window_clerk', 'reviewer', 'section_head', 'seal_officer', 'helper', 'administrator'];

const translator = (locale: Locale): Translate => (key, params = {}) => translate(locale, key, params);
const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

export function sectionNameOf(code: string, locale: Locale, fallback = code): string {
  const service = SERVICES.find((s) => s.section === code);
  return service ? (locale === 'en' ? service.sectionNameEn : service.sectionName) : fallback;
}

/** 万元 as leadership reads it: 27,700 万元; in English the same sum in millions of yuan. */
export function investmentText(amount: string | null, locale: Locale, t: Translate): string {
  if (amount === null) return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return locale === 'en'
    ? t('kp.investment_value', { amount: (value / 100).toLocaleString('en-GB', { maximumFractionDigits: 4 }) })
    : t('kp.investment_value', { amount: value.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) });
}

/** A permit's or a project's problem in the page's language, from the facts the service keeps beside its Chinese words. */
export function problemText(problem: PermitProblem & { step?: PermitStep }, locale: Locale, t: Translate): string {
  const permit = problem.step ? serviceNameOf(problem.step, locale) : '';
  switch (problem.kind) {
    case 'correction':
      return t('kp.problem.correction', { permit });
    case 'special_procedure':
      return t('kp.problem.special_procedure', { permit, procedure: problem.procedure ? t(`report.pause.${problem.procedure}`) : '' });
    case 'overdue': {
      const days = problem.workingDays ?? '';
      if (!problem.step) return t('kp.problem.start_overdue', { date: problem.since ?? '', days });
      return t('kp.problem.overdue', { permit, days });
    }
    case 'not_accepted':
      return t('kp.problem.not_accepted', { permit });
    case 'denied':
      return t('kp.problem.denied', { permit });
    default:
      return problem.text;
  }
}

function permitTone(status: string): string {
  if (status === 'issued') return 'done';
  if (status === 'not_filed') return 'draft';
  if (status === 'correction_required') return 'action';
  if (status === 'not_accepted' || status === 'denied' || status === 'withdrawn' || status === 'revoked') return 'stopped';
  return 'progress';
}

function permitsView(v: KeyProjectView, locale: Locale, t: Translate) {
  return v.permits.map((p) => ({
    step: p.step,
    name: serviceNameOf(p.step, locale, p.serviceName),
    short: t(`kp.step.${p.step}`),
    status: p.status,
    statusLabel: p.status === 'not_filed' ? t('kp.permit.not_filed') : t(`state.${p.status}`),
    tone: p.problem ? (p.problem.severity === 'overdue' ? 'overdue' : 'action') : permitTone(p.status),
    applicationId: p.applicationId,
    number: p.number,
    licenseNumber: p.licenseNumber,
    submittedAt: p.submittedAt,
    issuedAt: p.issuedAt,
    dueAt: p.dueAt,
    problem: p.problem ? { severity: p.problem.severity, text: problemText({ ...p.problem, step: p.step }, locale, t), since: p.problem.since } : null,
  }));
}

function projectRow(v: KeyProjectView, locale: Locale, t: Translate) {
  return {
    code: v.projectCode,
    name: v.name,
    owner: v.owner,
    investment: investmentText(v.investment, locale, t),
    plannedStart: v.plannedStart,
    section: v.section ? sectionNameOf(v.section.code, locale, v.section.name) : null,
    helpers: v.helpers.map((h) => h.name || h.username || '—'),
    started: v.started,
    startedOn: v.startedOn,
    permitsIssued: v.permitsIssued,
    permits: permitsView(v, locale, t),
  };
}

/** Leadership's key-project pages: the register, one project's permit chain and start of works, the weekly, monthly and quarterly reviews. */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('leadership', 'administrator', 'section_head', 'helper', 'window_clerk')
@Controller('key-projects')
export class KeyProjectsPagesController {
  constructor(private readonly projects: KeyProjectsService) {}

  @Get()
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const [list, rate] = await Promise.all([this.projects.list(), this.projects.startRate()]);
    await renderPage(request, reply, 'backoffice/key-projects/register.njk', {
      rate,
      projects: list.map((v) => projectRow(v, locale, t)),
      steps: ['investment-filing', 'land-planning', 'engineering-planning', 'construction'].map((step) => ({ step, name: serviceNameOf(step, locale), short: t(`kp.step.${step}`) })),
    });
  }

  @Get('dispatch')
  async dispatch(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const d = await this.projects.dispatch();
    await renderPage(request, reply, 'backoffice/key-projects/dispatch.njk', {
      week: d.week,
      from: d.from,
      to: d.to,
      asOf: d.asOf,
      items: d.items.map((item) => ({
        code: item.projectCode,
        name: item.name,
        owner: item.owner,
        section: item.section ? sectionNameOf(item.section.code, locale, item.section.name) : null,
        helpers: item.helpers.map((h) => h.name || h.username || '—'),
        blocked: item.problems.some((p) => p.severity === 'blocked'),
        problems: item.problems.map((p) => ({ severity: p.severity, label: t(`kp.severity.${p.severity}`), text: problemText(p, locale, t), since: p.since })),
      })),
    });
  }

  @Get('bulletin')
  async bulletin(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const month = query.month === undefined || query.month === '' ? previousMonth(shanghaiDateOf(new Date()).slice(0, 7)) : query.month;
    const fail = (message: string, status: number) =>
      renderPage(request, reply, 'backoffice/key-projects/bulletin.njk', { picker: { value: typeof month === 'string' ? month.slice(0, 7) : '', error: message }, errorList: [{ href: '#month', text: message }], hasErrors: true }, status);
    if (typeof month !== 'string' || !MONTH.test(month)) return fail(t('report.month_invalid'), 400);
    let b: Awaited<ReturnType<KeyProjectsService['bulletin']>>;
    try {
      monthPeriod(month);
      b = await this.projects.bulletin(month);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      const api = toApiError(error, locale);
      return fail(Object.values(api.fields ?? {})[0] ?? api.message, api.statusCode);
    }
    const steps = ['investment-filing', 'land-planning', 'engineering-planning', 'construction'] as const;
    await renderPage(request, reply, 'backoffice/key-projects/bulletin.njk', {
      picker: { value: month, error: '' },
      title: monthTitle(month, locale),
      b: {
        ...b,
        investment: investmentText(b.investment, locale, t),
        decisions: { ...b.decisions, percent: b.decisions.rate === null ? '—' : `${(Math.round(b.decisions.rate * 1000) / 10).toFixed(1)} %` },
        permitsIssued: steps.map((step) => ({ step, name: serviceNameOf(step, locale), count: b.permitsIssued[step] ?? 0 })),
        bySection: b.bySection.map((s) => ({ ...s, name: sectionNameOf(s.section.code, locale, s.section.name) })),
        notStartedPastPlan: b.notStartedPastPlan.map((p) => ({ ...p, section: p.section ? sectionNameOf(p.section.code, locale, p.section.name) : null })),
        projectList: b.projectList.map((p) => ({
          ...p,
          investment: investmentText(p.investment, locale, t),
          section: p.section ? sectionNameOf(p.section.code, locale, p.section.name) : null,
          permits: p.permits.map((x) => ({ step: x.step, short: t(`kp.step.${x.step}`), statusLabel: x.status === 'not_filed' ? t('kp.permit.not_filed') : t(`state.${x.status}`), tone: permitTone(x.status) })),
        })),
      },
    });
  }

  @Get('assessment')
  async assessment(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const current = quarterOf(new Date());
    const quarter = query.quarter === undefined || query.quarter === '' ? current : query.quarter;
    const choices = quarterChoices(current, 8, t);
    const fail = (message: string, status: number) =>
      renderPage(request, reply, 'backoffice/key-projects/assessment.njk', { picker: { value: '', error: message, choices }, errorList: [{ href: '#quarter', text: message }], hasErrors: true }, status);
    if (typeof quarter !== 'string' || !QUARTER.test(quarter)) return fail(t('kp.quarter_invalid'), 400);
    let a: Awaited<ReturnType<KeyProjectsService['assessment']>>;
    try {
      quarterPeriod(quarter);
      a = await this.projects.assessment(quarter);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      const api = toApiError(error, locale);
      return fail(Object.values(api.fields ?? {})[0] ?? api.message, api.statusCode);
    }
    await renderPage(request, reply, 'backoffice/key-projects/assessment.njk', {
      picker: { value: quarter, error: '', choices: choices.some((c) => c.value === quarter) ? choices : [{ value: quarter, label: quarterLabel(quarter, t) }, ...choices] },
      title: quarterLabel(quarter, t),
      a: {
        ...a,
        sections: a.sections.map((s) => ({
          ...s,
          name: sectionNameOf(s.section.code, locale, s.section.name),
          keyPercent: s.keyProjects.rate === null ? '—' : `${(Math.round(s.keyProjects.rate * 1000) / 10).toFixed(1)} %`,
        })),
      },
    });
  }

  @Get(':code')
  async project(@Param('code') code: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    await this.renderProject(request, reply, code, { started: query.started === '1' });
  }

  /** The start of works (开工), recorded by one of the project's 帮办 helpers or by an administrator for its owner. */
  @Post(':code/start')
  @Roles('helper', 'administrator')
  async start(@Param('code') code: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = staffOf(request);
    const startedOn = typeof body.startedOn === 'string' ? body.startedOn.trim().slice(0, 20) : '';
    const t = translator(request.locale);
    if (!DATE.test(startedOn)) {
      return this.renderProject(request, reply, code, {}, { errors: { startedOn: t(startedOn ? 'kp.start.date_invalid' : 'kp.start.date_required') }, value: startedOn }, 400);
    }
    if (startedOn > shanghaiDateOf(new Date())) return this.renderProject(request, reply, code, {}, { errors: { startedOn: t('kp.start.date_future') }, value: startedOn }, 400);
    try {
      await this.projects.recordStart(asStaff(account), code, { startedOn });
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation_failed', 'transition_refused'].includes(error.code)) throw error;
      const api = toApiError(error, request.locale);
      const message = error.code === 'validation_failed' ? t('kp.start.date_invalid') : api.message;
      return this.renderProject(request, reply, code, {}, { errors: { startedOn: message }, value: startedOn }, api.statusCode);
    }
    return redirectTo(reply, `/key-projects/${encodeURIComponent(code)}?started=1`);
  }

  private async renderProject(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    flags: { started?: boolean },
    form: { errors: Record<string, string>; value: string } = { errors: {}, value: '' },
    status = 200,
  ): Promise<void> {
    const account = staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const view = await this.projects.get(code);
    const construction = view.permits.find((p) => p.step === 'construction');
    const mayRecord = account.roles.includes('administrator') || (account.roles.includes('helper') && view.helpers.some((h) => h.id === account.id));
    const seesFiles = account.roles.some((r) => SEE_FILES.includes(r));
    await renderPage(
      request,
      reply,
      'backoffice/key-projects/project.njk',
      {
        p: {
          ...projectRow(view, locale, t),
          reason: view.reason,
          registeredAt: view.registeredAt,
          startRecordedAt: view.startRecordedAt,
          startRecordedBy: view.startRecordedBy,
        },
        applications: view.applications.map((a) => ({
          ...a,
          href: seesFiles ? `/cases/${a.id}` : null,
          serviceName: serviceNameOf(a.serviceCode, locale),
          stateLabel: t(`state.${a.state}`),
        })),
        start: {
          mayRecord: mayRecord && !view.startedOn,
          permitIssued: construction?.status === 'issued',
          permitIssuedOn: construction?.issuedAt ?? null,
          today: shanghaiDateOf(new Date()),
          value: form.value,
          errors: form.errors,
        },
        errorList: Object.entries(form.errors).map(([field, text]) => ({ href: `#${field}`, text })),
        hasErrors: Object.keys(form.errors).length > 0,
        flags,
      },
      status,
    );
  }
}

function quarterLabel(quarter: string, t: Translate): string {
  const [year, q] = quarter.split('-Q');
  return t('kp.quarter_label', { year, quarter: q });
}

/** The current quarter and the ones before it, newest first, for the picker. */
function quarterChoices(current: string, count: number, t: Translate): Array<{ value: string; label: string }> {
  const choices: Array<{ value: string; label: string }> = [];
  let [year, q] = current.split('-Q').map(Number);
  for (let i = 0; i < count; i++) {
    const value = `${year}-Q${q}`;
    choices.push({ value, label: quarterLabel(value, t) });
    if (--q === 0) {
      q = 4;
      year--;
    }
  }
  return choices;
}
