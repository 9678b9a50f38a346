import { Controller, Get, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { estimateDueDates, getService, SERVICES, ServiceDefinition, shanghaiDateOf } from '@onewindow/domain';
import { NotFoundError } from '@onewindow/domain/errors';
import { CalendarService, TrackingService } from '@onewindow/applications';
import { ServiceSettingsService } from '@onewindow/applications/service-settings.service';
import { Public } from '@onewindow/auth';
import { PageExceptionFilter, renderPage } from '@onewindow/web/views';
import { limitsInForce } from '../services.controller';
import { clockView, errorList, flowSteps, LIFE_EVENTS, limitText, materialView, serviceName, stateTone, translator } from './view-models';

const NUMBER = /^\d{20}$/;
const MOBILE = /^1[3-9]\d{9}$/;

/** The pages anyone may read: home, the service guides, how verification works, and the look-up by phone. */
@ApiExcludeController()
@Public()
@UseFilters(new PageExceptionFilter('/login'))
@Controller()
export class PublicPagesController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly tracking: TrackingService,
    private readonly settings: ServiceSettingsService,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const locale = request.locale;
    const t = translator(locale);
    // The promise in force, as administrators set it.
    const settings = new Map((await this.settings.list()).map((v) => [v.serviceCode, v]));
    const card = (s: ServiceDefinition) => ({ code: s.code, name: serviceName(s, locale), promised: limitText(limitsInForce(s, settings.get(s.code)!).promisedLimit, t) });
    const events = LIFE_EVENTS.map((event) => ({
      key: event.key,
      services: event.services
        .map((code) => getService(code))
        .filter((s) => s !== undefined)
        .map(card),
    }));
    const listed = new Set(LIFE_EVENTS.flatMap((e) => e.services));
    const others = SERVICES.filter((s) => !listed.has(s.code)).map(card);
    await renderPage(request, reply, 'portal/home.njk', { events, others, serviceCount: SERVICES.length });
  }

  @Get('services/:code')
  async guide(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    const locale = request.locale;
    const t = translator(locale);
    // What will apply to a file submitted now: the settings in force (copied onto the file at submission).
    const settings = await this.settings.get(service.code);
    const limits = limitsInForce(service, settings);
    const requiredBySettings = new Set(settings.requiredMaterials);
    const today = shanghaiDateOf(new Date());
    const estimate = estimateDueDates(today, limits, this.calendars.current);
    await renderPage(request, reply, 'portal/guide.njk', {
      service: {
        code: service.code,
        name: serviceName(service, locale),
        section: locale === 'en' ? service.sectionNameEn : service.sectionName,
        who: locale === 'en' ? service.guide.whoEn : service.guide.who,
        fee: locale === 'en' ? service.guide.feeEn : service.guide.fee,
        promised: limitText(limits.promisedLimit, t),
        legal: limitText(service.legalLimit, t),
        extension: service.extensionDays > 0 ? limitText({ days: service.extensionDays, unit: service.legalLimit.unit }, t) : null,
        license: locale === 'en' ? service.license.titleEn : service.license.title,
        validity: service.license.validityYears ? t('guide.validity_years', { years: service.license.validityYears }) : (locale === 'en' ? service.license.validityNoteEn : service.license.validityNote) ?? t('guide.validity_none'),
        intro: t(`guide.intro.${service.code}`),
        materials: service.materials.map((m) => {
          const view = materialView(m, locale, t);
          // A material the bureau requires always is no longer conditional: its condition no longer applies.
          return requiredBySettings.has(m.code) ? { ...view, required: true, condition: undefined } : view;
        }),
        flow: flowSteps(service, locale, t),
      },
      today,
      estimate,
    });
  }

  @Get('verify')
  async verifyExplained(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderPage(request, reply, 'portal/verify-explained.njk');
  }

  /** 手机查询: a GET form, so it works from a bookmark or a printed QR code; rate-limited like the API. */
  @Get('track')
  @UseGuards(ThrottlerGuard)
  async track(@Query('number') number: unknown, @Query('phone') phone: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const t = translator(request.locale);
    const values = { number: typeof number === 'string' ? number.trim() : '', phone: typeof phone === 'string' ? phone.trim() : '' };
    if (number === undefined && phone === undefined) {
      await renderPage(request, reply, 'portal/track.njk', { values, errors: {} });
      return;
    }
    const errors: Record<string, string> = {};
    if (!NUMBER.test(values.number)) errors.number = t('track.number_invalid');
    if (!MOBILE.test(values.phone)) errors.phone = t('fields.mobile');
    if (Object.keys(errors).length > 0) {
      await renderPage(request, reply, 'portal/track.njk', { values, errors, errorList: errorList(errors), hasErrors: true }, 400);
      return;
    }
    try {
      const result = await this.tracking.track(values.number, values.phone, request.locale);
      await renderPage(request, reply, 'portal/track.njk', { values, errors, result: { ...result, tone: stateTone(result.state), due: clockView(result.clock, t) } });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await renderPage(request, reply, 'portal/track.njk', { values, errors, notFound: true }, 404);
    }
  }
}
