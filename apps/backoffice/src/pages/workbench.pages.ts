import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { getService, SERVICES } from '@onewindow/domain';
import { CalendarService, ClaimsService, InboxPage, queueStatesOf, StaffAccount, StaffWorkflowService } from '@onewindow/applications';
import { buildInboxQuery, type InboxFilters } from '@onewindow/applications/inbox-query';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { dueWords, fileReaderOf, serviceNameOf, shownError, staffNames, summaryOf, translator } from './staff-view';
import { DUE_WITHIN_MAX, FILTER_NAMES, FilterValues, ParsedFilters, parseFilters, queryOf, withoutCursor } from './workbench-query';

type FormBody = Record<string, unknown>;

/** What a form did (here, or a decision on the case page), said once after its redirect. */
const DONE = new Set(['claim', 'release', 'take', 'accept', 'request_correction', 'refuse', 'approve', 'deny', 'seal', 'revoke']);
/** Refusals a clerk can act on: shown on the workbench itself, with the API's status. */
const SHOWN = ['conflict', 'transition_refused', 'not_found', 'validation_failed', 'forbidden'] as const;
/**
 * The quick filters are counted up to this many, each by the inbox's own page query for that
 * filter: a walk of the caller's queues along the inbox index that stops one file past the cap
 * (never a count(*) over the table); more shows as "99+".
 */
const QUICK_COUNT_CAP = 99;
const QUICK_FILTERS = [
  { key: 'mine', label: 'bo.workbench.quick_mine', values: { claimedBy: 'me' }, filters: { claimedBy: 'me' } },
  { key: 'unclaimed', label: 'bo.workbench.quick_unclaimed', values: { claimedBy: 'none' }, filters: { claimedBy: 'none' } },
  { key: 'overdue', label: 'bo.workbench.quick_overdue', values: { overdue: 'true' }, filters: { overdue: true } },
  { key: 'due_soon', label: 'bo.workbench.quick_due_soon', values: { dueWithinWorkingDays: '2' }, filters: { dueWithinWorkingDays: 2 } },
  { key: 'green', label: 'bo.workbench.quick_green', values: { greenChannel: 'true' }, filters: { greenChannel: true } },
] as const satisfies ReadonlyArray<{ key: string; label: string; values: FilterValues; filters: InboxFilters }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The unified queue as a page: every filter of GET /api/inbox as a GET form, due dates in words
 * and colour, who holds each file, claim / release per row and take-next (each a POST form that
 * comes back here with the same filters), counts per service and state, keyset paging. Keyboard
 * shortcuts and the count refresh are progressive (libs/web/assets/backoffice.js).
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Controller('workbench')
export class WorkbenchPagesController {
  constructor(
    private readonly workflow: StaffWorkflowService,
    private readonly claims: ClaimsService,
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  @Get()
  async workbench(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const parsed = parseFilters(query, translator(request.locale));
    const did = typeof query.did === 'string' && DONE.has(query.did) ? query.did : undefined;
    const file = typeof query.file === 'string' && UUID.test(query.file) ? query.file : undefined;
    await this.render(request, reply, staff, parsed, { did, file });
  }

  @Post('take-next')
  async takeNext(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const parsed = this.filtersOf(body, request);
    try {
      const taken = await this.claims.takeNext(staff);
      return redirectTo(reply, `/workbench${queryOf(parsed.values, { did: 'take', file: taken.id })}#r-${taken.id}`);
    } catch (error) {
      return this.refused(error, request, reply, staff, parsed);
    }
  }

  @Post('claim/:id')
  async claim(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const parsed = this.filtersOf(body, request);
    try {
      await this.workflow.claim(staff, id);
      return redirectTo(reply, `/workbench${queryOf(parsed.values, { did: 'claim', file: id })}#r-${id}`);
    } catch (error) {
      return this.refused(error, request, reply, staff, parsed);
    }
  }

  @Post('release/:id')
  async release(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const staff = fileReaderOf(request);
    const parsed = this.filtersOf(body, request);
    try {
      await this.workflow.release(staff, id);
      return redirectTo(reply, `/workbench${queryOf(parsed.values, { did: 'release', file: id })}#r-${id}`);
    } catch (error) {
      return this.refused(error, request, reply, staff, parsed);
    }
  }

  /**
   * Files under each quick filter in the caller's queues, up to one past the cap (a page query reads
   * one row past its limit; null: no queue to count), in one statement: each filter's page query as
   * a subquery, its parameters renumbered, so a page load takes one pooled connection, not five.
   */
  private async quickCounts(staff: StaffAccount): Promise<Array<number | null>> {
    const now = new Date();
    const calendar = this.calendars.current;
    const values: unknown[] = [];
    const columns = QUICK_FILTERS.map((q, i) => {
      const query = buildInboxQuery(staff, { ...q.filters, limit: QUICK_COUNT_CAP }, now, calendar);
      if (!query) return `NULL::int AS n${i}`;
      const offset = values.length;
      values.push(...query.values);
      const text = query.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      return `(SELECT count(*)::int FROM (${text}) AS page) AS n${i}`;
    });
    const [row] = (await this.dataSource.query(`SELECT ${columns.join(', ')}`, values)) as Array<Record<string, number | null>>;
    return QUICK_FILTERS.map((_, i) => row[`n${i}`]);
  }

  /** The filters a form carried back (its hidden `filters`: the page's own query string), checked again. */
  private filtersOf(body: FormBody, request: FastifyRequest): ParsedFilters {
    const raw = typeof body.filters === 'string' ? body.filters.replace(/^\?/, '').slice(0, 2000) : '';
    const parsed = parseFilters(new URLSearchParams(raw), translator(request.locale));
    return { ...parsed, errors: {} };
  }

  private async refused(error: unknown, request: FastifyRequest, reply: FastifyReply, staff: StaffAccount, parsed: ParsedFilters) {
    const shown = shownError(error, request.locale, SHOWN);
    if (!shown) throw error;
    return this.render(request, reply, staff, parsed, {}, [{ href: '#queue', text: shown.message }], shown.status);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffAccount,
    parsed: ParsedFilters,
    flash: { did?: string; file?: string },
    refusals: Array<{ href: string; text: string }> = [],
    status = 200,
  ): Promise<void> {
    const locale = request.locale;
    const t = translator(locale);
    let page: InboxPage = { items: [], nextCursor: null, counts: [] };
    const errors = { ...parsed.errors } as Record<string, string>;
    if (Object.keys(errors).length === 0) {
      try {
        page = await this.workflow.inbox(staff, parsed.filters);
      } catch (error) {
        const shown = shownError(error, locale, ['validation_failed']);
        if (!shown) throw error;
        Object.assign(errors, shown.fields);
        status = 400;
      }
    } else status = 400;
    // The counts come with every inbox answer; a refused filter still shows them.
    if (page.counts.length === 0 && Object.keys(errors).length > 0) page = { ...page, counts: (await this.workflow.inbox(staff, { limit: 1 })).counts };

    const [names, quickCounts] = await Promise.all([staffNames(this.dataSource, page.items.map((i) => i.claimedBy)), this.quickCounts(staff)]);
    const filterValues = withoutCursor(parsed.values);
    const here = queryOf(parsed.values);
    const items = page.items.map((item) => {
      const service = getService(item.serviceCode);
      const mine = item.claimedBy === staff.id;
      return {
        id: item.id,
        number: item.number,
        serviceName: service ? serviceNameOf(service, locale) : item.serviceCode,
        entityName: item.entityName,
        stateLabel: t(`state.${item.state}`),
        greenChannel: item.greenChannel,
        due: dueWords(item.clock, t),
        holder: item.claimedBy ? (mine ? t('bo.workbench.held_by_you') : (names.get(item.claimedBy) ?? t('bo.workbench.held_by_someone'))) : '',
        mine,
        claimable: !item.claimedBy,
        justDone: flash.file === item.id,
      };
    });

    const states = queueStatesOf(staff);
    const byState = new Map<string, number>();
    const byService = new Map<string, number>();
    for (const c of page.counts) {
      byState.set(c.state, (byState.get(c.state) ?? 0) + c.count);
      byService.set(c.serviceCode, (byService.get(c.serviceCode) ?? 0) + c.count);
    }
    const total = [...byState.values()].reduce((a, b) => a + b, 0);
    const countedServices = new Set(page.counts.map((c) => c.serviceCode));
    const flashItem = flash.file ? items.find((i) => i.id === flash.file) : undefined;
    const flashNumber = flash.file && !flashItem ? (await this.dataSource.query('SELECT number FROM applications WHERE id = $1', [flash.file]))[0]?.number : flashItem?.number;

    await renderPage(
      request,
      reply,
      'backoffice/workbench.njk',
      {
        staff: { name: staff.name, hasQueue: states.length > 0 },
        items,
        values: parsed.values,
        errors,
        errorList: [...refusals, ...summaryOf(errors, (name) => (name === 'cursor' || name === 'limit' ? '#queue' : `#f-${name}`))],
        hasErrors: refusals.length > 0 || Object.keys(errors).length > 0,
        filtersQuery: here,
        nextHref: page.nextCursor ? `/workbench${queryOf(filterValues, { cursor: page.nextCursor })}` : null,
        firstHref: parsed.values.cursor ? `/workbench${queryOf(filterValues)}` : null,
        activeFilters: FILTER_NAMES.filter((name) => parsed.values[name]).length,
        serviceOptions: SERVICES.map((s) => ({ value: s.code, label: serviceNameOf(s, locale), selected: parsed.values.service === s.code })),
        stateOptions: states.map((s) => ({ value: s, label: t(`state.${s}`), selected: parsed.values.state === s })),
        dueWithinMax: DUE_WITHIN_MAX,
        counts: {
          total,
          states: states.map((s) => ({ key: s, label: t(`state.${s}`), count: byState.get(s) ?? 0, href: `/workbench${queryOf({ ...filterValues, state: s })}`, current: parsed.values.state === s })),
          services: SERVICES.filter((s) => countedServices.has(s.code)).map((s) => ({
            key: s.code,
            label: serviceNameOf(s, locale),
            count: byService.get(s.code) ?? 0,
            href: `/workbench${queryOf({ ...filterValues, service: s.code })}`,
            current: parsed.values.service === s.code,
          })),
        },
        quick: QUICK_FILTERS.map((q, i) => {
          const [name, value] = Object.entries(q.values)[0] as [keyof FilterValues, string];
          const count = quickCounts[i];
          return {
            key: q.key,
            label: t(q.label),
            href: `/workbench${queryOf(q.values)}`,
            current: onlyFilter(filterValues, name, value),
            count: count === null ? null : count > QUICK_COUNT_CAP ? t('bo.workbench.count_more', { count: QUICK_COUNT_CAP }) : String(count),
          };
        }),
        flash: flash.did ? { text: t(`bo.workbench.done_${flash.did}`, { number: flashNumber ?? '' }), href: flash.file ? `/cases/${flash.file}` : null } : null,
      },
      status,
    );
  }
}

const onlyFilter = (values: FilterValues, name: keyof FilterValues, value: string) =>
  values[name] === value && Object.entries(values).every(([k, v]) => k === name || !v);
