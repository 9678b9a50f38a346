import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { getService } from '@onewindow/domain';
import { NotFoundError, TransitionRefusedError } from '@onewindow/domain/errors';
import {
  ClockActionsService,
  findLinkedRecords,
  SPECIAL_PROCEDURES,
  SpecialProcedure,
  StaffAccount,
  staffMayWork,
  StaffWorkflowService,
} from '@onewindow/applications';
import { CASE_NOTE_MAX_LENGTH, CaseNotes } from '@onewindow/applications/case-notes';
import { ApplicationEntity, ApplicationPauseEntity, FILE_STORAGE, FileStorage } from '@onewindow/persistence';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { answerSections, clockActionsOffered, clockModel, Decision, decisionsOffered, materialsModel } from './case-view';
import { fileReaderOf, firstWords, serviceNameOf, shownError, staffNames, summaryOf, translator } from './staff-view';

type FormBody = Record<string, unknown>;

const REASON_MAX = 2000;
const ITEM_REASON_MAX = 1000;
/** Refusals shown on the case page itself, beside the form that was sent, with the API's status. */
const SHOWN = ['validation_failed', 'conflict', 'transition_refused', 'forbidden'] as const;
const PDF = 'application/pdf';
/**
 * The inline PDF's own policy: nothing of the document runs or loads; Chromium's viewer needs the
 * inline styles of the page it wraps the PDF in and the <embed> of the PDF itself.
 */
const PDF_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
/** What a form on this page did, said once after its redirect. */
const DONE = new Set(['claim', 'release', 'note', 'special_start', 'special_end', 'extend']);

/** The case page's forms as they were sent back: entered text and the reasons they were refused, by element id. */
interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The checklist and correction-list builder: each field's and material's verdict (ok or fix) and reason. */
  correction?: { fields: Record<string, { verdict: string; reason: string }>; materials: Record<string, { verdict: string; reason: string }> };
  /** A refusal of the whole action (a lost race, a rule), shown at the top. */
  refusal?: string;
}

/** The case page alone may frame its PDF materials' previews (the app's policy frames nothing anywhere else). */
function allowPdfPreviews(reply: FastifyReply): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  void reply.header('content-security-policy', policy.replace("object-src 'none'", "object-src 'self'").replace("frame-src 'none'", "frame-src 'self'"));
}

const text = (body: FormBody, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

/**
 * One file for staff: its answers and materials side by side (images previewed, PDFs opened),
 * the checklist and the correction-list builder, the decisions the transition table allows the
 * signed-in member of staff now, the clock, the full audit timeline and notes between staff.
 * Every decision goes through StaffWorkflowService (TransitionService, audit event).
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller('cases')
export class CasePagesController {
  private readonly notes: CaseNotes;

  constructor(
    private readonly workflow: StaffWorkflowService,
    private readonly clockActions: ClockActionsService,
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {
    this.notes = new CaseNotes(dataSource);
  }

  @Get(':id')
  async casePage(@Param('id') id: string, @Query('did') did: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    await this.render(request, reply, staff, id, { values: {}, errors: {} }, 200, typeof did === 'string' && DONE.has(did) ? did : undefined);
  }

  /** A material's bytes for staff who may see the file: a download (attachment, nosniff), which an <img> still shows. */
  @Get(':id/materials/:materialId')
  async material(@Param('id') id: string, @Param('materialId') materialId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = await this.workflow.material(fileReaderOf(request), id, materialId);
    const bytes = await this.storage.read(file.sha256);
    await reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }

  /**
   * A PDF material shown inside the case page: the one file served inline, to the same staff as
   * the download, under a policy of its own that runs nothing and lets only our own pages frame it.
   */
  @Get(':id/materials/:materialId/preview')
  async materialPreview(@Param('id') id: string, @Param('materialId') materialId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = await this.workflow.material(fileReaderOf(request), id, materialId);
    if (file.mimeType !== PDF) throw new NotFoundError();
    const bytes = await this.storage.read(file.sha256);
    await reply
      .header('content-type', PDF)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', PDF_PREVIEW_POLICY)
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }

  @Post(':id/claim')
  async claim(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    return this.attempt(request, reply, staff, id, {}, async () => {
      await this.workflow.claim(staff, id);
      return `/cases/${id}?did=claim`;
    });
  }

  @Post(':id/release')
  async release(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    return this.attempt(request, reply, staff, id, {}, async () => {
      await this.workflow.release(staff, id);
      return `/cases/${id}?did=release`;
    });
  }

  @Post(':id/accept')
  async accept(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    return this.attempt(request, reply, staff, id, {}, () => this.decide(staff, id, 'accept'));
  }

  @Post(':id/seal')
  async seal(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    return this.attempt(request, reply, staff, id, {}, () => this.decide(staff, id, 'seal'));
  }

  @Post(':id/refuse')
  async refuse(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.withReason(request, reply, id, body, 'refuse', 'reason', 'refuse-reason');
  }

  @Post(':id/approve')
  async approve(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.withReason(request, reply, id, body, 'approve', 'opinion', 'approve-opinion');
  }

  @Post(':id/deny')
  async deny(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.withReason(request, reply, id, body, 'deny', 'reason', 'deny-reason');
  }

  @Post(':id/revoke')
  async revoke(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.withReason(request, reply, id, body, 'revoke', 'reason', 'revoke-reason');
  }

  /** The checklist: every field and material judged ok or "needs correction"; those needing it, each with its reason, make the list. */
  @Post(':id/request-correction')
  async requestCorrection(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const t = translator(request.locale);
    const view = await this.workflow.view(staff, id);
    const service = getService(view.serviceCode)!;
    const rows = answerSections(view.serviceCode, view.form, t).flatMap((s) => s.rows);
    const state: FormState = { values: { 'correction-reason': text(body, 'reason') }, errors: {}, correction: { fields: {}, materials: {} } };
    const items: Array<{ field?: string; materialCode?: string; reason: string }> = [];
    rows.forEach((row, i) => {
      const verdict = text(body, `field.${row.path}`);
      const reason = text(body, `field.${row.path}.reason`);
      state.correction!.fields[row.path] = { verdict, reason };
      if (verdict !== 'fix') return;
      if (!reason) state.errors[`cf-${i}-reason`] = t('bo.correction.item_reason_required', { item: row.label });
      else if (reason.length > ITEM_REASON_MAX) state.errors[`cf-${i}-reason`] = t('fields.text_too_long');
      else items.push({ field: row.path, reason });
    });
    for (const m of service.materials) {
      const verdict = text(body, `material.${m.code}`);
      const reason = text(body, `material.${m.code}.reason`);
      state.correction!.materials[m.code] = { verdict, reason };
      if (verdict !== 'fix') continue;
      const name = request.locale === 'en' ? m.nameEn : m.name;
      if (!reason) state.errors[`cm-${m.code}-reason`] = t('bo.correction.item_reason_required', { item: name });
      else if (reason.length > ITEM_REASON_MAX) state.errors[`cm-${m.code}-reason`] = t('fields.text_too_long');
      else items.push({ materialCode: m.code, reason });
    }
    const marked = [...Object.values(state.correction!.fields), ...Object.values(state.correction!.materials)].some((item) => item.verdict === 'fix');
    if (!marked) state.errors.correction = t('rules.correction_items_required');
    const reason = state.values['correction-reason'];
    if (reason.length > REASON_MAX) state.errors['correction-reason'] = t('fields.text_too_long');
    if (Object.keys(state.errors).length > 0) return this.render(request, reply, staff, id, state, 400);
    return this.attempt(request, reply, staff, id, state, () => this.decide(staff, id, 'request_correction', { items, reason: reason || null }), {
      'rule:second_correction_needs_reason': 'correction-reason',
    });
  }

  @Post(':id/notes')
  async addNote(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const state: FormState = { values: { 'note-body': text(body, 'body') }, errors: {} };
    return this.attempt(request, reply, staff, id, state, async () => {
      const note = await this.notes.add(staff, id, state.values['note-body']);
      return `/cases/${id}?did=note#note-${note.id}`;
    }, { body: 'note-body' });
  }

  @Post(':id/special-procedures')
  async startSpecialProcedure(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const t = translator(request.locale);
    const kind = text(body, 'kind');
    const reason = text(body, 'reason');
    const state: FormState = { values: { 'special-kind': kind, 'special-reason': reason }, errors: {} };
    if (!(SPECIAL_PROCEDURES as readonly string[]).includes(kind)) state.errors['special-kind'] = t('bo.special.kind_required');
    if (!reason) state.errors['special-reason'] = t('rules.reason_required');
    else if (reason.length > REASON_MAX) state.errors['special-reason'] = t('fields.text_too_long');
    if (Object.keys(state.errors).length > 0) return this.render(request, reply, staff, id, state, 400);
    return this.attempt(request, reply, staff, id, state, async () => {
      await this.clockActions.startSpecialProcedure(staff, id, { kind: kind as SpecialProcedure, reason });
      return `/cases/${id}?did=special_start#clock`;
    });
  }

  @Post(':id/special-procedures/end')
  async endSpecialProcedure(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    return this.attempt(request, reply, staff, id, {}, async () => {
      await this.clockActions.endSpecialProcedure(staff, id);
      return `/cases/${id}?did=special_end#clock`;
    });
  }

  @Post(':id/extend')
  async extend(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const t = translator(request.locale);
    const days = text(body, 'workingDays');
    const reason = text(body, 'reason');
    const state: FormState = { values: { 'extend-days': days, 'extend-reason': reason }, errors: {} };
    if (!/^\d{1,2}$/.test(days) || Number(days) < 1) state.errors['extend-days'] = t('bo.extend.days_invalid');
    if (!reason) state.errors['extend-reason'] = t('rules.reason_required');
    else if (reason.length > REASON_MAX) state.errors['extend-reason'] = t('fields.text_too_long');
    if (Object.keys(state.errors).length > 0) return this.render(request, reply, staff, id, state, 400);
    return this.attempt(request, reply, staff, id, state, async () => {
      await this.clockActions.extend(staff, id, { workingDays: Number(days), reason });
      return `/cases/${id}?did=extend#clock`;
    });
  }

  /** A decision moves the file out of this person's queue: back to the workbench, which says what was done. */
  private async decide(staff: StaffAccount, id: string, action: Decision, input: { reason?: string | null; items?: Array<{ field?: string; materialCode?: string; reason: string }> } = {}): Promise<string> {
    await this.workflow.act(staff, id, action, input);
    return `/workbench?did=${action}&file=${id}`;
  }

  private async withReason(request: FastifyRequest, reply: FastifyReply, id: string, body: FormBody, action: 'refuse' | 'approve' | 'deny' | 'revoke', field: string, elementId: string) {
    const staff = fileReaderOf(request);
    const t = translator(request.locale);
    const reason = text(body, field);
    const state: FormState = { values: { [elementId]: reason }, errors: {} };
    if (!reason) state.errors[elementId] = t(action === 'approve' ? 'bo.decision.opinion_required' : 'rules.reason_required');
    else if (reason.length > REASON_MAX) state.errors[elementId] = t('fields.text_too_long');
    if (Object.keys(state.errors).length > 0) return this.render(request, reply, staff, id, state, 400);
    return this.attempt(request, reply, staff, id, state, () => this.decide(staff, id, action, { reason }));
  }

  /** Runs a form's work and redirects (303); a refusal the clerk can act on is shown on the page with its status. */
  private async attempt(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffAccount,
    id: string,
    state: Partial<FormState>,
    work: () => Promise<string>,
    fieldIds: Record<string, string> = {},
  ): Promise<void> {
    try {
      return redirectTo(reply, await work());
    } catch (error) {
      const shown = shownError(error, request.locale, SHOWN);
      if (!shown) throw error;
      const errors: Record<string, string> = { ...(state.errors ?? {}) };
      for (const [field, why] of Object.entries(shown.fields)) if (fieldIds[field]) errors[fieldIds[field]] = why;
      // A rule of the transition table that one field answers is shown beside that field.
      const rule = error instanceof TransitionRefusedError ? fieldIds[`rule:${error.rule}`] : undefined;
      if (rule) errors[rule] = shown.message;
      const refusal = Object.keys(errors).length > Object.keys(state.errors ?? {}).length ? undefined : shown.message;
      return this.render(request, reply, staff, id, { values: state.values ?? {}, errors, correction: state.correction, refusal }, shown.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, staff: StaffAccount, id: string, state: FormState, status = 200, did?: string): Promise<void> {
    const view = await this.workflow.view(staff, id);
    const locale = request.locale;
    const t = translator(locale);
    const service = getService(view.serviceCode)!;
    const [app, pauses, notes, linked] = await Promise.all([
      this.dataSource.getRepository(ApplicationEntity).findOneByOrFail({ id: view.id }),
      this.dataSource.getRepository(ApplicationPauseEntity).find({ where: { applicationId: view.id }, order: { startedAt: 'ASC' } }),
      this.notes.list(staff, view.id),
      findLinkedRecords(this.dataSource.manager, view.serviceCode, view.form),
    ]);
    const names = await staffNames(this.dataSource, [view.claimedBy, view.filedBy?.staffId]);
    const decisions = decisionsOffered(staff, app, service);
    const clockActions = clockActionsOffered(staff, app, service, pauses);
    const sections = answerSections(view.serviceCode, view.form, t);
    const rows = sections.flatMap((s) => s.rows);
    const materials = materialsModel(view, service, linked.waivedMaterials, locale, t);
    const materialName = (code: string) => materials.find((m) => m.code === code)?.name ?? code;
    const fieldLabel = (path: string) => rows.find((r) => r.path === path.replace(/^form\./, ''))?.label ?? path;
    const correctionState = state.correction;
    const builder = decisions.now.includes('request_correction')
      ? {
          fields: rows.map((row, i) => ({
            ...row,
            id: `cf-${i}`,
            verdict: correctionState?.fields[row.path]?.verdict ?? '',
            reason: correctionState?.fields[row.path]?.reason ?? '',
            error: state.errors[`cf-${i}-reason`],
          })),
          materials: materials.map((m) => ({
            code: m.code,
            name: m.name,
            required: m.required,
            waived: m.waived,
            uploaded: m.files.length,
            verdict: correctionState?.materials[m.code]?.verdict ?? '',
            reason: correctionState?.materials[m.code]?.reason ?? '',
            error: state.errors[`cm-${m.code}-reason`],
          })),
          needsReason: decisions.correctionNeedsReason,
        }
      : null;
    const holder = view.claimedBy ? (view.claimedBy === staff.id ? t('bo.workbench.held_by_you') : (names.get(view.claimedBy) ?? t('bo.workbench.held_by_someone'))) : null;
    const errorList = [
      ...(state.refusal ? [{ href: '#actions', text: state.refusal }] : []),
      ...summaryOf(state.errors, (key) => (key === 'correction' ? '#correction-builder' : `#${key}`)),
    ];
    const timeline = view.timeline
      .map((e) => ({
        at: e.at,
        label: firstWords(t, [`bo.action.${e.action}`, `action.${e.action}`], e.action),
        stateLabel: e.state ? t(`state.${e.state}`) : '',
        actor: e.actor.name ? e.actor.name : t(`bo.actor.${e.actor.kind}`),
        actorKind: t(`bo.actor.${e.actor.kind}`),
        note: e.note,
      }))
      .reverse();

    if (materials.some((m) => m.files.some((f) => f.previewHref))) allowPdfPreviews(reply);
    await renderPage(
      request,
      reply,
      'backoffice/case.njk',
      {
        app: {
          id: view.id,
          number: view.number,
          state: view.state,
          stateLabel: t(`state.${view.state}`),
          serviceName: serviceNameOf(service, locale),
          sectionName: locale === 'en' ? service.sectionNameEn : service.sectionName,
          entityName: app.entityName,
          applicantName: app.applicantName,
          contactPhone: app.contactPhone,
          greenChannel: view.greenChannel,
          greenChannelReason: app.greenChannelReason,
          submittedAt: app.submittedAt?.toISOString() ?? null,
          filedBy: view.filedBy ? { name: names.get(view.filedBy.staffId) ?? '', authorizationNumber: view.filedBy.authorizationNumber } : null,
          license: view.license ?? null,
        },
        holder,
        mayClaim: !view.claimedBy && staffMayWork(staff, app.state, service.section),
        mayRelease: view.claimedBy === staff.id,
        decisions: { now: decisions.now, afterClaim: decisions.afterClaim.map((d) => t(`bo.decision.${d}`)) },
        clockActions,
        specialKinds: SPECIAL_PROCEDURES.map((k) => ({ value: k, label: t(`bo.pause.${k}`), selected: state.values['special-kind'] === k })),
        clock: clockModel(view, app, pauses, service, t),
        sections,
        materials,
        builder,
        corrections: view.corrections
          .map((c) => ({
            requestedAt: c.requestedAt,
            by: c.requestedBy === 'system' ? t('bo.correction.by_precheck') : t('bo.correction.by_staff'),
            resolvedAt: c.resolvedAt,
            reason: c.reason,
            items: c.items.map((item) => ({ what: item.materialCode ? materialName(item.materialCode) : item.field ? fieldLabel(item.field) : '', reason: item.reason })),
          }))
          .reverse(),
        notes,
        noteMax: CASE_NOTE_MAX_LENGTH,
        timeline,
        values: state.values,
        errors: state.errors,
        errorList,
        hasErrors: errorList.length > 0,
        flash: did ? t(`bo.case.done_${did}`) : null,
      },
      status,
    );
  }
}
