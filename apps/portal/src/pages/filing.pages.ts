import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { EDITABLE_STATES, getService, type ApplicationState } from '@onewindow/domain';
import { DomainError, NotFoundError, SubmissionIncompleteError, ValidationFailedError } from '@onewindow/domain/errors';
import { ApplicantApplicationsService, ApplicationView, findLinkedRecords } from '@onewindow/applications';
import { materialsRequiredBySettings } from '@onewindow/applications/service-settings.service';
import { toApiError } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { answerRows, buildFields, fieldId, FieldNode, parseFields } from '@onewindow/web/forms/form-fields';
import { schemaOf, stepOfPath, stepsOf, stepTitle } from '@onewindow/web/forms/form-steps';
import { applicantOf, errorList, materialView, serviceName, translator } from './view-models';

type FormBody = Record<string, unknown>;

const isEditable = (state: string) => EDITABLE_STATES.includes(state as ApplicationState);

/** Every path a page's inputs answer for, so an error can be told apart from one elsewhere in the form. */
function pathsOf(nodes: FieldNode[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    into.add(n.path);
    pathsOf([...(n.children ?? []), ...(n.items ?? [])], into);
  }
  return into;
}

const formRelative = (fields: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(fields).map(([path, why]) => [path.replace(/^form\./, ''), why]));

/**
 * Filing without JavaScript: start a draft, one page per question group (saved at every step),
 * uploads per checklist item, check your answers, submit, confirmation. The rules stay in
 * ApplicantApplicationsService; these handlers only turn forms into its calls and back.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller()
export class FilingPagesController {
  constructor(
    private readonly applications: ApplicantApplicationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('apply/:code')
  async start(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    const account = applicantOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const drafts = (await this.applications.list(account)).filter((a) => a.serviceCode === code && a.state === 'draft');
    await renderPage(request, reply, 'portal/apply-start.njk', {
      service: { code: service.code, name: serviceName(service, locale) },
      steps: stepsOf(service.code).map((step) => stepTitle(service.code, step, t, buildFields({ schema: schemaOf(service.code), serviceCode: service.code, t }, step.fields, {}, {})[0]?.label)),
      materials: service.materials.map((m) => materialView(m, locale, t)),
      drafts,
    });
  }

  @Post('apply/:code')
  async create(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    const draft = await this.applications.createDraft(applicantOf(request), { serviceCode: service.code, form: {} }, request.locale);
    return redirectTo(reply, `/applications/${draft.id}/steps/${stepsOf(service.code)[0].key}`);
  }

  @Get('applications/:id/steps/:step')
  async stepPage(@Param('id') id: string, @Param('step') stepKey: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.applications.view(applicantOf(request), id);
    if (!isEditable(view.state)) return redirectTo(reply, `/applications/${id}`);
    const extra = typeof query.add === 'string' ? { [query.add]: 1 } : {};
    await this.renderStep(request, reply, view, stepKey, view.form, {}, extra, query.return === 'check');
  }

  @Post('applications/:id/steps/:step')
  async saveStep(@Param('id') id: string, @Param('step') stepKey: string, @Query() query: Record<string, unknown>, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const view = await this.applications.view(account, id);
    if (!isEditable(view.state)) return redirectTo(reply, `/applications/${id}`);
    const steps = stepsOf(view.serviceCode);
    const index = steps.findIndex((s) => s.key === stepKey);
    if (index < 0) throw new NotFoundError();
    const step = steps[index];
    const action = typeof body.action === 'string' ? body.action : 'continue';
    const remove = action.startsWith('remove:') ? action.slice('remove:'.length) : undefined;
    const answers = parseFields({ schema: schemaOf(view.serviceCode) }, step.fields, body, remove);
    const form: Record<string, unknown> = { ...view.form };
    for (const field of step.fields) delete form[field];
    Object.assign(form, answers);
    const toCheck = query.return === 'check' || body.return === 'check';
    try {
      await this.applications.updateForm(account, id, { form }, request.locale);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      return this.renderStep(request, reply, view, stepKey, form, formRelative(error.fields), {}, toCheck, 400);
    }
    const back = toCheck ? '?return=check' : '';
    if (action.startsWith('add:')) {
      const path = action.slice('add:'.length);
      return redirectTo(reply, `/applications/${id}/steps/${step.key}?add=${encodeURIComponent(path)}${toCheck ? '&return=check' : ''}#${fieldId(path)}`);
    }
    if (remove) return redirectTo(reply, `/applications/${id}/steps/${step.key}${back}`);
    if (action === 'save') return redirectTo(reply, `/applications/${id}?saved=1`);
    if (toCheck) return redirectTo(reply, `/applications/${id}/check`);
    const next = steps[index + 1];
    return redirectTo(reply, next ? `/applications/${id}/steps/${next.key}` : `/applications/${id}/materials`);
  }

  @Get('applications/:id/materials')
  async materialsPage(@Param('id') id: string, @Query('uploaded') uploaded: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.applications.view(applicantOf(request), id);
    if (!isEditable(view.state)) return redirectTo(reply, `/applications/${id}`);
    await this.renderMaterials(request, reply, view, {}, typeof uploaded === 'string' ? uploaded : undefined);
  }

  /** multipart: `materialCode` and `file`; the CSRF token travels as `?_csrf=` (the body is read after the check). */
  @Post('applications/:id/materials')
  async upload(@Param('id') id: string, @Query('materialCode') queryCode: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    let materialCode = typeof queryCode === 'string' ? queryCode : '';
    try {
      const file = request.isMultipart() ? await request.file() : undefined;
      const field = file?.fields.materialCode as { value?: unknown } | undefined;
      if (typeof field?.value === 'string') materialCode = field.value;
      if (!file || !file.filename) {
        if (file) for await (const chunk of file.file) void chunk;
        throw new ValidationFailedError({ file: 'page.file_required' });
      }
      await this.applications.uploadMaterial(account, id, { materialCode, fileName: file.filename, stream: file.file });
    } catch (error) {
      if (!(error instanceof DomainError) || !['validation_failed', 'too_large', 'unsupported_type'].includes(error.code)) throw error;
      const body = toApiError(error, request.locale);
      const message = body.fields ? Object.values(body.fields)[0] : body.message;
      const view = await this.applications.view(account, id);
      return this.renderMaterials(request, reply, view, { [materialCode]: message }, undefined, body.statusCode);
    }
    return redirectTo(reply, `/applications/${id}/materials?uploaded=${encodeURIComponent(materialCode)}#m-${materialCode}`);
  }

  @Get('applications/:id/check')
  async checkPage(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.applications.view(applicantOf(request), id);
    if (view.state !== 'draft' && view.state !== 'correction_required') return redirectTo(reply, `/applications/${id}`);
    await this.renderCheck(request, reply, view, []);
  }

  @Post('applications/:id/submit')
  async submit(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = applicantOf(request);
    const key = typeof body.idempotencyKey === 'string' && /^[0-9a-f-]{36}$/.test(body.idempotencyKey) ? body.idempotencyKey : undefined;
    try {
      await this.applications.submit(account, id, request.locale, key);
    } catch (error) {
      if (!(error instanceof SubmissionIncompleteError)) throw error;
      const view = await this.applications.view(account, id);
      const gaps = Object.entries(error.fields ?? {}).map(([path, text]) => {
        if (path.startsWith('materials.')) return { href: `/applications/${id}/materials#m-${path.slice('materials.'.length)}`, text };
        const step = stepOfPath(view.serviceCode, path);
        const field = path.replace(/^form\./, '');
        return { href: step ? `/applications/${id}/steps/${step.key}?return=check#${fieldId(field)}` : `#`, text: `${this.labelOf(view, field, request)}${translator(request.locale)('punct.colon')}${text}` };
      });
      return this.renderCheck(request, reply, view, gaps, 422);
    }
    return redirectTo(reply, `/applications/${id}/submitted`);
  }

  @Get('applications/:id/submitted')
  async submitted(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.applications.view(applicantOf(request), id);
    const service = getService(view.serviceCode)!;
    await renderPage(request, reply, 'portal/submitted.njk', {
      app: { id: view.id, number: view.number, state: view.state, serviceName: serviceName(service, request.locale) },
      receipt: view.notices.find((n) => n.kind === 'receipt' && n.pdfUrl),
    });
  }

  private async renderStep(
    request: FastifyRequest,
    reply: FastifyReply,
    view: ApplicationView,
    stepKey: string,
    values: Record<string, unknown>,
    errors: Record<string, string>,
    extraItems: Record<string, number>,
    toCheck: boolean,
    status = 200,
  ): Promise<void> {
    const steps = stepsOf(view.serviceCode);
    const index = steps.findIndex((s) => s.key === stepKey);
    if (index < 0) throw new NotFoundError();
    const step = steps[index];
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(view.serviceCode)!;
    const fields = buildFields({ schema: schemaOf(view.serviceCode), serviceCode: view.serviceCode, t }, step.fields, values, errors, extraItems);
    const title = stepTitle(view.serviceCode, step, t, fields[0]?.label);
    if (fields.length === 1 && fields[0].label === title && (fields[0].kind === 'group' || fields[0].kind === 'list')) fields[0].legendIsHeading = true;
    const onPage = pathsOf(fields);
    const total = steps.length + 2;
    await renderPage(
      request,
      reply,
      'portal/step.njk',
      {
        app: { id: view.id, number: view.number, serviceName: serviceName(service, locale), correcting: view.state === 'correction_required' },
        step: { key: step.key, title, number: index + 1, total, progress: Math.round(((index + 1) / total) * 10) },
        // A page with one question group uses its only group's words as the page heading.
        fields,
        errorList: errorList(errors, (path) => (onPage.has(path) ? `#${fieldId(path)}` : '#')),
        hasErrors: Object.keys(errors).length > 0,
        backHref: toCheck ? `/applications/${view.id}/check` : index > 0 ? `/applications/${view.id}/steps/${steps[index - 1].key}` : `/services/${view.serviceCode}`,
        action: `/applications/${view.id}/steps/${step.key}${toCheck ? '?return=check' : ''}`,
        toCheck,
      },
      status,
    );
  }

  private async renderMaterials(request: FastifyRequest, reply: FastifyReply, view: ApplicationView, errors: Record<string, string>, uploaded?: string, status = 200): Promise<void> {
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(view.serviceCode)!;
    const waived = new Set((await findLinkedRecords(this.dataSource.manager, view.serviceCode, view.form)).waivedMaterials);
    const files = new Map(view.materials.map((m) => [m.code, m.uploaded]));
    // Optional materials the bureau's settings require: those in force at submission, or now for a draft.
    const [app]: Array<{ serviceCode: string; submittedAt: Date | null; requiredMaterials: string[] | null }> = await this.dataSource.query(
      'SELECT service_code AS "serviceCode", submitted_at AS "submittedAt", required_materials AS "requiredMaterials" FROM applications WHERE id = $1',
      [view.id],
    );
    const bySettings = new Set((app ? await materialsRequiredBySettings(this.dataSource.manager, app) : []).map((m) => m.code));
    const materials = service.materials.map((m) => ({
      ...materialView(m, locale, t, view.form),
      ...(bySettings.has(m.code) ? { required: true, condition: undefined } : {}),
      uploaded: files.get(m.code) ?? [],
      waived: waived.has(m.code),
      error: errors[m.code],
    }));
    const needed = materials.filter((m) => m.required && !m.waived);
    const steps = stepsOf(view.serviceCode);
    const total = steps.length + 2;
    const uploadedMaterial = materials.find((m) => m.code === uploaded);
    await renderPage(
      request,
      reply,
      'portal/materials.njk',
      {
        app: { id: view.id, number: view.number, serviceName: serviceName(service, locale), correcting: view.state === 'correction_required' },
        step: { number: steps.length + 1, total, progress: Math.round(((steps.length + 1) / total) * 10) },
        materials,
        done: needed.filter((m) => m.uploaded.length > 0).length,
        needed: needed.length,
        uploadedName: uploadedMaterial?.name,
        errorList: errorList(errors, (code) => `#file-${code}`),
        hasErrors: Object.keys(errors).length > 0,
        backHref: `/applications/${view.id}/steps/${steps[steps.length - 1].key}`,
      },
      status,
    );
  }

  private async renderCheck(request: FastifyRequest, reply: FastifyReply, view: ApplicationView, gaps: Array<{ href: string; text: string }>, status = 200): Promise<void> {
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(view.serviceCode)!;
    const schema = schemaOf(view.serviceCode);
    const sections = stepsOf(view.serviceCode).map((step) => {
      const fields = buildFields({ schema, serviceCode: view.serviceCode, t }, step.fields, view.form, {});
      return { key: step.key, title: stepTitle(view.serviceCode, step, t, fields[0]?.label), href: `/applications/${view.id}/steps/${step.key}?return=check`, rows: answerRows(fields, t) };
    });
    const materials = service.materials.map((m) => ({ ...materialView(m, locale, t, view.form), uploaded: view.materials.find((u) => u.code === m.code)?.uploaded ?? [] }));
    await renderPage(
      request,
      reply,
      'portal/check.njk',
      {
        app: { id: view.id, number: view.number, serviceName: serviceName(service, locale), correcting: view.state === 'correction_required' },
        sections,
        materials,
        errorList: gaps,
        hasErrors: gaps.length > 0,
        idempotencyKey: randomUUID(),
      },
      status,
    );
  }

  private labelOf(view: ApplicationView, field: string, request: FastifyRequest): string {
    const t = translator(request.locale);
    const step = stepOfPath(view.serviceCode, field);
    if (!step) return field;
    const fields = buildFields({ schema: schemaOf(view.serviceCode), serviceCode: view.serviceCode, t }, step.fields, view.form, {});
    const rows = answerRows(fields, t);
    return rows.find((r) => r.path === field)?.label ?? fields.find((f) => f.path === field.split('.')[0])?.label ?? field;
  }
}
