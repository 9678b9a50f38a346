import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { checkFormComplete, EDITABLE_STATES, getService, isValidResidentId, SERVICES, validateFormDraft, type ApplicationState } from '@onewindow/domain';
import { NotFoundError, SubmissionIncompleteError, ValidationFailedError } from '@onewindow/domain/errors';
import { AssistedFilingService, findLinkedRecords, loadApplicationView, StaffAccount, withPrefill } from '@onewindow/applications';
import { AppConfig } from '@onewindow/config';
import { ApplicationEntity } from '@onewindow/persistence';
import { Roles } from '@onewindow/auth';
import { buildFields, fieldId, FieldNode, parseFields } from '@onewindow/web/forms/form-fields';
import { schemaOf, stepOfPath, stepsOf, stepTitle } from '@onewindow/web/forms/form-steps';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { answerSections, materialsModel } from './case-view';
import { asStaff, serviceNameOf, shownError, summaryOf, translator } from './staff-view';

type FormBody = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = /^1[3-9]\d{9}$/;
/** Upload refusals shown beside the file input, with the API's status (400, 413, 415). */
const UPLOAD_REFUSALS = ['validation_failed', 'too_large', 'unsupported_type'] as const;

const text = (body: FormBody, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

/** The walk-in applicant and the authorisation, as the third step's form holds them. */
interface WalkIn {
  name: string;
  phone: string;
  idNumber: string;
  authorizationNumber: string;
}

/** Every path a list of questions answers for (so an error can be placed on its input). */
function pathsOf(nodes: FieldNode[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    into.add(n.path);
    pathsOf([...(n.children ?? []), ...(n.items ?? [])], into);
  }
  return into;
}

/**
 * 帮办、代办 at the window: staff file for a walk-in applicant with the applicant's written
 * authorisation. Three steps before the file exists — the signed authorisation scan, the
 * service, then the applicant and the service's whole form on one page (the portal's form
 * definitions) — then the materials checklist and submit on the applicant's behalf. The rules
 * stay in AssistedFilingService; these handlers turn forms into its calls and back.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('window_clerk', 'helper')
@Controller('assisted-filings')
export class AssistedFilingPagesController {
  constructor(
    private readonly filings: AssistedFilingService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Query('submitted') submitted: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    const locale = request.locale;
    const t = translator(locale);
    const rows = await this.filings.list(staff);
    const done = typeof submitted === 'string' ? rows.find((r) => r.id === submitted) : undefined;
    await renderPage(request, reply, 'backoffice/assisted-list.njk', {
      filings: rows.map((r) => {
        const service = getService(r.serviceCode);
        return {
          ...r,
          serviceName: service ? serviceNameOf(service, locale) : r.serviceCode,
          stateLabel: t(`state.${r.state}`),
          href: EDITABLE_STATES.includes(r.state as ApplicationState) ? `/assisted-filings/${r.id}` : `/cases/${r.id}`,
          yourTurn: EDITABLE_STATES.includes(r.state as ApplicationState),
        };
      }),
      submitted: done ? { number: done.number, href: `/cases/${done.id}` } : null,
    });
  }

  @Get('new')
  async start(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    asStaff(request);
    const authorization = typeof query.authorization === 'string' && UUID.test(query.authorization) ? query.authorization : undefined;
    const service = typeof query.service === 'string' ? getService(query.service) : undefined;
    if (!authorization) return this.renderAuthorizationStep(request, reply, {});
    if (!service) return this.renderServiceStep(request, reply, authorization, typeof query.service === 'string' ? translator(request.locale)('bo.assisted.service_required') : undefined);
    return this.renderFormStep(request, reply, authorization, service.code, { name: '', phone: '', idNumber: '', authorizationNumber: '' }, {}, {}, {});
  }

  /** multipart `file`: the signed authorisation; the CSRF token travels as `?_csrf=` (the body is read after the check). */
  @Post('authorization')
  async uploadAuthorization(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    try {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || !file.filename) {
        if (file) for await (const chunk of file.file) void chunk;
        throw new ValidationFailedError({ file: 'page.file_required' });
      }
      const stored = await this.filings.uploadAuthorization(staff, { fileName: file.filename, stream: file.file });
      return redirectTo(reply, `/assisted-filings/new?authorization=${stored.materialId}`);
    } catch (error) {
      const shown = shownError(error, request.locale, UPLOAD_REFUSALS);
      if (!shown) throw error;
      return this.renderAuthorizationStep(request, reply, { file: Object.values(shown.fields)[0] ?? shown.message }, shown.status);
    }
  }

  /** The third step's form: the applicant, the authorisation's number and the service's form; files the application when all is well. */
  @Post('new')
  async file(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    const t = translator(request.locale);
    const authorization = text(body, 'authorization');
    const service = getService(text(body, 'service'));
    if (!UUID.test(authorization)) return redirectTo(reply, '/assisted-filings/new');
    if (!service) return redirectTo(reply, `/assisted-filings/new?authorization=${authorization}`);
    const walkIn: WalkIn = { name: text(body, 'walkin.name'), phone: text(body, 'walkin.phone'), idNumber: text(body, 'walkin.idNumber').toUpperCase(), authorizationNumber: text(body, 'walkin.authorizationNumber') };
    const action = text(body, 'action') || 'file';
    const remove = action.startsWith('remove:') ? action.slice('remove:'.length) : undefined;
    const properties = stepsOf(service.code).flatMap((s) => s.fields);
    const form = parseFields({ schema: schemaOf(service.code) }, properties, body, remove);
    if (action.startsWith('add:')) return this.renderFormStep(request, reply, authorization, service.code, walkIn, form, {}, {}, { [action.slice('add:'.length)]: 1 });
    if (remove) return this.renderFormStep(request, reply, authorization, service.code, walkIn, form, {}, {});

    const walkInErrors: Record<string, string> = {};
    if (!walkIn.name || walkIn.name.length > 50) walkInErrors.name = t('fields.name');
    if (!MOBILE.test(walkIn.phone)) walkInErrors.phone = t('fields.mobile');
    if (!isValidResidentId(walkIn.idNumber)) walkInErrors.idNumber = t('fields.resident_id');
    if (!walkIn.authorizationNumber) walkInErrors.authorizationNumber = t('bo.assisted.authorization_number_required');
    else if (walkIn.authorizationNumber.length > 100) walkInErrors.authorizationNumber = t('fields.text_too_long');
    // The whole form is checked now, required answers included: once filed, only the applicant may change it.
    const draft = validateFormDraft(service.code, form, request.locale);
    const formErrors: Record<string, string> = draft.ok ? {} : { ...draft.fields };
    if (draft.ok) {
      const linked = await findLinkedRecords(this.dataSource.manager, service.code, draft.form);
      const complete = checkFormComplete(service.code, withPrefill(draft.form, linked), request.locale);
      if (!complete.ok) Object.assign(formErrors, complete.fields);
      for (const [field, key] of Object.entries(linked.problems)) formErrors[field] ??= t(key);
    }
    if (Object.keys(walkInErrors).length > 0 || Object.keys(formErrors).length > 0) {
      return this.renderFormStep(request, reply, authorization, service.code, walkIn, form, walkInErrors, formErrors, {}, 400);
    }
    try {
      const filed = await this.filings.file(
        staff,
        { applicant: { name: walkIn.name, phone: walkIn.phone, idNumber: walkIn.idNumber }, serviceCode: service.code, form, authorization: { number: walkIn.authorizationNumber, materialId: authorization } },
        request.locale,
      );
      return redirectTo(reply, `/assisted-filings/${filed.id}`);
    } catch (error) {
      const shown = shownError(error, request.locale, ['validation_failed', 'conflict']);
      if (!shown) throw error;
      const errors: Record<string, string> = {};
      const fieldErrors: Record<string, string> = {};
      if ((error as { code?: string }).code === 'conflict') errors.phone = shown.message;
      for (const [path, why] of Object.entries(shown.fields)) {
        if (path === 'authorization.materialId') errors.authorization = t('bo.assisted.authorization_again');
        else if (path.startsWith('form.')) fieldErrors[path.slice('form.'.length)] = why;
        else errors.name ??= why;
      }
      return this.renderFormStep(request, reply, authorization, service.code, walkIn, form, errors, fieldErrors, {}, shown.status);
    }
  }

  @Get(':id')
  async filing(@Param('id') id: string, @Query('uploaded') uploaded: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    const app = await this.findOwn(staff, id);
    if (!EDITABLE_STATES.includes(app.state)) return redirectTo(reply, `/cases/${app.id}`);
    await this.renderFiling(request, reply, app, {}, [], typeof uploaded === 'string' ? uploaded : undefined);
  }

  /** multipart: `materialCode` and `file`; the CSRF token travels as `?_csrf=`. */
  @Post(':id/materials')
  async upload(@Param('id') id: string, @Query('materialCode') queryCode: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    await this.findOwn(staff, id);
    let materialCode = typeof queryCode === 'string' ? queryCode : '';
    try {
      const file = request.isMultipart() ? await request.file() : undefined;
      const field = file?.fields.materialCode as { value?: unknown } | undefined;
      if (typeof field?.value === 'string') materialCode = field.value;
      if (!file || !file.filename) {
        if (file) for await (const chunk of file.file) void chunk;
        throw new ValidationFailedError({ file: 'page.file_required' });
      }
      await this.filings.upload(staff, id, { materialCode, fileName: file.filename, stream: file.file });
    } catch (error) {
      const shown = shownError(error, request.locale, UPLOAD_REFUSALS);
      if (!shown) throw error;
      return this.renderFiling(request, reply, await this.findOwn(staff, id), { [materialCode]: Object.values(shown.fields)[0] ?? shown.message }, [], undefined, shown.status);
    }
    return redirectTo(reply, `/assisted-filings/${id}?uploaded=${encodeURIComponent(materialCode)}#m-${encodeURIComponent(materialCode)}`);
  }

  @Post(':id/submit')
  async submit(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = asStaff(request);
    await this.findOwn(staff, id);
    try {
      await this.filings.submit(staff, id, request.locale);
    } catch (error) {
      if (!(error instanceof SubmissionIncompleteError)) {
        const shown = shownError(error, request.locale, ['transition_refused', 'conflict']);
        if (!shown) throw error;
        return this.renderFiling(request, reply, await this.findOwn(staff, id), {}, [{ href: '#submit', text: shown.message }], undefined, shown.status);
      }
      const app = await this.findOwn(staff, id);
      const t = translator(request.locale);
      const gaps = Object.entries(error.fields ?? {}).map(([path, why]) => {
        if (path.startsWith('materials.')) return { href: `#m-${path.slice('materials.'.length)}`, text: why };
        const step = stepOfPath(app.serviceCode, path);
        return { href: '#answers', text: `${step ? stepTitle(app.serviceCode, step, t) : path}${t('punct.colon')}${why}` };
      });
      return this.renderFiling(request, reply, app, {}, gaps, undefined, 422);
    }
    return redirectTo(reply, `/assisted-filings?submitted=${id}`);
  }

  /** A filing this member of staff may work on here: the service's own list of theirs (filed by them, or of a key project they assist). */
  private async findOwn(staff: StaffAccount, id: string): Promise<ApplicationEntity> {
    if (!UUID.test(id) || !(await this.filings.list(staff)).some((f) => f.id === id)) throw new NotFoundError();
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
    if (!app) throw new NotFoundError();
    return app;
  }

  private async renderAuthorizationStep(request: FastifyRequest, reply: FastifyReply, errors: Record<string, string>, status = 200) {
    await renderPage(
      request,
      reply,
      'backoffice/assisted-new.njk',
      { step: 1, errors, errorList: summaryOf(errors, () => '#authorization-file'), hasErrors: Object.keys(errors).length > 0 },
      status,
    );
  }

  private async renderServiceStep(request: FastifyRequest, reply: FastifyReply, authorization: string, error?: string) {
    const locale = request.locale;
    const errors: Record<string, string> = error ? { service: error } : {};
    await renderPage(
      request,
      reply,
      'backoffice/assisted-new.njk',
      {
        step: 2,
        authorization,
        services: SERVICES.map((s) => ({ code: s.code, name: serviceNameOf(s, locale), id: `service-${s.code}` })),
        errors,
        errorList: summaryOf(errors, () => `#service-${SERVICES[0].code}`),
        hasErrors: Boolean(error),
      },
      error ? 400 : 200,
    );
  }

  private async renderFormStep(
    request: FastifyRequest,
    reply: FastifyReply,
    authorization: string,
    serviceCode: string,
    walkIn: WalkIn,
    form: Record<string, unknown>,
    walkInErrors: Record<string, string>,
    formErrors: Record<string, string>,
    extraItems: Record<string, number> = {},
    status = 200,
  ) {
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(serviceCode)!;
    const schema = schemaOf(serviceCode);
    const groups = stepsOf(serviceCode).map((step) => {
      const fields = buildFields({ schema, serviceCode, t }, step.fields, form, formErrors, extraItems);
      return { key: step.key, title: stepTitle(serviceCode, step, t, fields[0]?.label), fields };
    });
    const onPage = pathsOf(groups.flatMap((g) => g.fields));
    const walkInIds: Record<string, string> = { name: 'w-name', phone: 'w-phone', idNumber: 'w-idNumber', authorizationNumber: 'w-authorizationNumber', authorization: 'w-authorizationNumber' };
    const errorList = [
      ...summaryOf(walkInErrors, (key) => `#${walkInIds[key] ?? 'w-name'}`),
      ...summaryOf(formErrors, (path) => (onPage.has(path) ? `#${fieldId(path)}` : '#answers')),
    ];
    await renderPage(
      request,
      reply,
      'backoffice/assisted-new.njk',
      {
        step: 3,
        authorization,
        service: { code: service.code, name: serviceNameOf(service, locale) },
        walkIn,
        walkInErrors,
        groups,
        errorList,
        hasErrors: errorList.length > 0,
      },
      status,
    );
  }

  private async renderFiling(
    request: FastifyRequest,
    reply: FastifyReply,
    app: ApplicationEntity,
    errors: Record<string, string>,
    gaps: Array<{ href: string; text: string }>,
    uploaded?: string,
    status = 200,
  ) {
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(app.serviceCode)!;
    const view = await loadApplicationView(this.dataSource.manager, app, 'staff', this.config.PORTAL_PUBLIC_URL);
    const linked = await findLinkedRecords(this.dataSource.manager, app.serviceCode, app.form);
    const materials = materialsModel(view, service, linked.waivedMaterials, locale, t).map((m) => ({
      ...m,
      error: errors[m.code],
      accept: service.materials.find((d) => d.code === m.code)!.accept.join(','),
    }));
    const needed = materials.filter((m) => m.required && !m.waived);
    const uploadedMaterial = materials.find((m) => m.code === uploaded);
    const errorList = [...gaps, ...summaryOf(errors, (code) => `#file-${code}`)];
    await renderPage(
      request,
      reply,
      'backoffice/assisted-filing.njk',
      {
        app: { id: app.id, number: app.number, state: app.state, stateLabel: t(`state.${app.state}`), serviceName: serviceNameOf(service, locale), applicantName: app.applicantName, entityName: app.entityName, correcting: app.state === 'correction_required' },
        materials,
        sections: answerSections(app.serviceCode, app.form, t),
        done: needed.filter((m) => m.files.length > 0).length,
        needed: needed.length,
        uploadedName: uploadedMaterial?.name,
        errorList,
        hasErrors: errorList.length > 0,
      },
      status,
    );
  }
}
