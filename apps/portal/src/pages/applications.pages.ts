import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EDITABLE_STATES, getService, shanghaiDateOf, type ApplicationState } from '@onewindow/domain';
import { ConflictError, DomainError, NotFoundError } from '@onewindow/domain/errors';
import { ApplicantApplicationsService, ApplicationView, KeyProjectsService, OwnerStartView, RATABLE_STATES, RATING_LEVELS, RatingService, RatingView } from '@onewindow/applications';
import { toApiError } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { fieldId } from '@onewindow/web/forms/form-fields';
import { stepOfPath, stepsOf, stepTitle } from '@onewindow/web/forms/form-steps';
import { applicantOf, clockView, errorList, serviceName, stateTone, translator } from './view-models';

type FormBody = Record<string, unknown>;
type PageForm = { errors: Record<string, string> };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Bookkeeping that would only clutter an applicant's timeline (every saved page, every upload). */
const QUIET_ACTIONS = new Set(['edit_form', 'upload_material']);
const WITHDRAWABLE: readonly string[] = ['draft', 'submitted', 'correction_required', 'awaiting_acceptance'];

/**
 * My applications: the list, and one file's page with its timeline, due date, corrections, documents, rating and,
 * for a key project's construction permit, its start of works (开工).
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller('applications')
export class ApplicationsPagesController {
  constructor(
    private readonly applications: ApplicantApplicationsService,
    private readonly ratings: RatingService,
    private readonly projects: KeyProjectsService,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const locale = request.locale;
    const t = translator(locale);
    const rows = await this.applications.list(applicantOf(request));
    const items = rows.map((row) => {
      const service = getService(row.serviceCode);
      return {
        ...row,
        serviceName: service ? serviceName(service, locale) : row.serviceCode,
        stateLabel: t(`state.${row.state}`),
        tone: stateTone(row.state),
        needsAction: row.state === 'draft' || row.state === 'correction_required',
      };
    });
    await renderPage(request, reply, 'portal/applications.njk', { items });
  }

  @Get(':id')
  async detail(@Param('id') id: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const view = await this.applications.view(account, id);
    await this.renderDetail(request, reply, view, await this.ratings.ofApplication(account, id), {
      saved: query.saved === '1',
      rated: query.rated === '1',
      withdrawn: query.withdrawn === '1',
      started: query.started === '1',
    });
  }

  @Post(':id/withdraw')
  async withdraw(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.applications.withdraw(applicantOf(request), id);
    return redirectTo(reply, `/applications/${id}?withdrawn=1`);
  }

  @Post(':id/rating')
  async rate(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const level = typeof body.level === 'string' && /^[1-5]$/.test(body.level) ? Number(body.level) : undefined;
    try {
      await this.ratings.rate(account, id, { level, comment: typeof body.comment === 'string' ? body.comment : undefined });
    } catch (error) {
      if (!(error instanceof DomainError) || !(error.code === 'validation_failed' || error instanceof ConflictError)) throw error;
      const api = toApiError(error, request.locale);
      const errors = api.fields ? { [Object.keys(api.fields)[0] === 'comment' ? 'comment' : 'level']: Object.values(api.fields)[0] } : { level: api.message };
      const view = await this.applications.view(account, id);
      return this.renderDetail(request, reply, view, await this.ratings.ofApplication(account, id), {}, { rating: { errors, comment: typeof body.comment === 'string' ? body.comment : '' } }, api.statusCode);
    }
    return redirectTo(reply, `/applications/${id}?rated=1#rating`);
  }

  /** 开工: the owner records the day works started; a refusal is shown beside the date, like the back office's form. */
  @Post(':id/start-of-works')
  async startOfWorks(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const t = translator(request.locale);
    const startedOn = typeof body.startedOn === 'string' ? body.startedOn.trim().slice(0, 20) : '';
    const refuse = async (message: string, status: number) => {
      const view = await this.applications.view(account, id);
      return this.renderDetail(request, reply, view, await this.ratings.ofApplication(account, id), {}, { start: { errors: { startedOn: message }, value: startedOn } }, status);
    };
    if (!DATE.test(startedOn)) {
      // Not the owner's file, or no key project behind it: the same 404 as the API, before any word about the date.
      if (!(await this.projects.startOfWorksOf(account, id))) throw new NotFoundError();
      return refuse(t(startedOn ? 'start_of_works.date_invalid' : 'start_of_works.date_required'), 400);
    }
    try {
      await this.projects.recordStartOf(account, id, { startedOn });
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation_failed', 'transition_refused'].includes(error.code)) throw error;
      const api = toApiError(error, request.locale);
      return refuse(api.fields?.startedOn ?? api.message, api.statusCode);
    }
    return redirectTo(reply, `/applications/${id}?started=1#start-of-works`);
  }

  private async renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    view: ApplicationView,
    rating: RatingView | null,
    flags: { saved?: boolean; rated?: boolean; withdrawn?: boolean; started?: boolean },
    forms: { rating?: PageForm & { comment: string }; start?: PageForm & { value: string } } = {},
    status = 200,
  ): Promise<void> {
    const ratingForm = forms.rating ?? { errors: {}, comment: '' };
    const startForm = forms.start ?? { errors: {}, value: '' };
    const start: OwnerStartView | null = view.serviceCode === 'construction' ? await this.projects.startOfWorksOf(applicantOf(request), view.id) : null;
    const startRefused = Object.keys(startForm.errors).length > 0;
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(view.serviceCode)!;
    const materialName = (code: string) => {
      const m = service.materials.find((x) => x.code === code);
      return m ? (locale === 'en' ? m.nameEn : m.name) : code;
    };
    const open = view.corrections.filter((c) => !c.resolvedAt).at(-1);
    const correction = open && view.state === 'correction_required'
      ? {
          requestedAt: open.requestedAt,
          byStaff: open.requestedBy === 'staff',
          items: open.items.map((item) => {
            if (item.materialCode) return { what: materialName(item.materialCode), reason: item.reason, href: `/applications/${view.id}/materials#m-${item.materialCode}` };
            const field = (item.field ?? '').replace(/^form\./, '');
            const step = field ? stepOfPath(view.serviceCode, field) : undefined;
            const stepKey = step?.key ?? stepsOf(view.serviceCode)[0].key;
            return { what: step ? stepTitle(view.serviceCode, step, t) : '', reason: item.reason, href: `/applications/${view.id}/steps/${stepKey}?return=check${field ? `#${fieldId(field)}` : ''}` };
          }),
        }
      : undefined;
    const ratable = RATABLE_STATES.includes(view.state);
    await renderPage(
      request,
      reply,
      'portal/application.njk',
      {
        app: {
          id: view.id,
          number: view.number,
          state: view.state,
          stateLabel: t(`state.${view.state}`),
          tone: stateTone(view.state),
          serviceName: serviceName(service, locale),
          serviceCode: view.serviceCode,
          createdAt: view.createdAt,
          editable: EDITABLE_STATES.includes(view.state as ApplicationState),
          withdrawable: WITHDRAWABLE.includes(view.state),
          firstStep: stepsOf(view.serviceCode)[0].key,
          greenChannel: view.greenChannel,
          filedBy: view.filedBy,
        },
        clock: clockView(view.clock, t),
        timeline: view.timeline
          .filter((e) => !QUIET_ACTIONS.has(e.action))
          .map((e) => ({ ...e, label: t(`action.${e.action}`) === `action.${e.action}` ? e.action : t(`action.${e.action}`), stateLabel: e.state ? t(`state.${e.state}`) : '' }))
          .reverse(),
        correction,
        notices: view.notices.map((n) => ({ ...n, kindLabel: t(`notice.${n.kind}`) })),
        license: view.license,
        sealOrder: view.sealOrder ? { ...view.sealOrder, statusLabel: t(`seal.status_${view.sealOrder.status}`) } : undefined,
        rating,
        ratingLevels: RATING_LEVELS.map((level) => ({ level, label: t(`rating.level_${level}`) })),
        ratable: ratable && !rating,
        ratingForm,
        // Shown once the permit is issued: the recorded day, else the form (a revoked permit keeps only a recorded day);
        // and beside a refused date, wherever the file stands.
        startOfWorks:
          start && (start.startedOn || startRefused || (start.fileState === 'issued' && view.license && !view.license.revokedAt))
            ? { startedOn: start.startedOn, permitIssuedAt: view.license?.issuedAt, today: shanghaiDateOf(new Date()), form: startForm }
            : null,
        errorSummary: [
          ...errorList(ratingForm.errors, (f) => (f === 'comment' ? '#rating-comment' : '#rating-level')),
          ...errorList(startForm.errors, () => (start?.startedOn ? '#start-of-works' : '#startedOn')),
        ],
        hasErrors: Object.keys(ratingForm.errors).length > 0 || startRefused,
        flags,
      },
      status,
    );
  }
}
