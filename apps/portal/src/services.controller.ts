import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { estimateDueDates, formJsonSchema, getService, isLocalDate, SERVICES, ServiceDefinition } from '@onewindow/domain';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { Public } from '@onewindow/auth';
import { CalendarService } from '@onewindow/applications';
import { ServiceSettingsService, ServiceSettingsView } from '@onewindow/applications/service-settings.service';

/** A service's limits for a file submitted now: the catalogue's units and legal limit, the days administrators set. */
export function limitsInForce(service: ServiceDefinition, settings: Pick<ServiceSettingsView, 'promisedDays' | 'greenChannelDays'>, greenChannel = false) {
  const promisedLimit = greenChannel ? { ...service.greenChannelPromisedLimit, days: settings.greenChannelDays } : { ...service.promisedLimit, days: settings.promisedDays };
  return { promisedLimit, legalLimit: service.legalLimit };
}

/** The catalogue's entry with the settings in force: their promise, and the materials they require always marked required. */
function summary(service: ServiceDefinition, settings: ServiceSettingsView) {
  const required = new Set(settings.requiredMaterials);
  return {
    code: service.code,
    name: service.name,
    nameEn: service.nameEn,
    promisedLimit: limitsInForce(service, settings).promisedLimit,
    greenChannelPromisedLimit: limitsInForce(service, settings, true).promisedLimit,
    legalLimit: service.legalLimit,
    materials: service.materials.map((m) => (required.has(m.code) ? { ...m, required: true } : m)),
  };
}

/** The service catalogue (办事指南), public, with what administrators set in force. */
@ApiTags('services')
@Public()
@Controller('api/services')
export class ServicesController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly settings: ServiceSettingsService,
  ) {}

  @Get()
  async list() {
    const settings = new Map((await this.settings.list()).map((v) => [v.serviceCode, v]));
    return SERVICES.map((service) => summary(service, settings.get(service.code)!));
  }

  @Get(':code')
  async one(@Param('code') code: string) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    return {
      ...summary(service, await this.settings.get(service.code)),
      section: service.section,
      sectionName: service.sectionName,
      hasReviewStep: service.hasReviewStep,
      license: service.license,
      guide: service.guide,
      formSchema: formJsonSchema(service.code),
    };
  }

  @Get(':code/estimate')
  async estimate(@Param('code') code: string, @Query('acceptedOn') acceptedOn: string, @Query('greenChannel') greenChannel?: string) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    if (!isLocalDate(acceptedOn)) throw new ValidationFailedError({ acceptedOn: 'fields.invalid' });
    if (greenChannel !== undefined && greenChannel !== 'true' && greenChannel !== 'false') throw new ValidationFailedError({ greenChannel: 'fields.invalid' });
    // By the bureau's calendar as administrators keep it, and the promise they set; `greenChannel=true`
    // answers with the green channel's shorter promise.
    const limits = limitsInForce(service, await this.settings.get(service.code), greenChannel === 'true');
    return estimateDueDates(acceptedOn, limits, this.calendars.current);
  }
}
