import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { estimateDueDates, formJsonSchema, getService, isLocalDate, SERVICES, ServiceDefinition } from '@onewindow/domain';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { Public } from '@onewindow/auth';
import { CalendarService } from '@onewindow/applications';

function summary(service: ServiceDefinition) {
  return {
    code: service.code,
    name: service.name,
    nameEn: service.nameEn,
    promisedLimit: service.promisedLimit,
    legalLimit: service.legalLimit,
    materials: service.materials,
  };
}

/** The service catalogue (办事指南), public. */
@ApiTags('services')
@Public()
@Controller('api/services')
export class ServicesController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  list() {
    return SERVICES.map(summary);
  }

  @Get(':code')
  one(@Param('code') code: string) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    return {
      ...summary(service),
      section: service.section,
      sectionName: service.sectionName,
      hasReviewStep: service.hasReviewStep,
      license: service.license,
      guide: service.guide,
      formSchema: formJsonSchema(service.code),
    };
  }

  @Get(':code/estimate')
  estimate(@Param('code') code: string, @Query('acceptedOn') acceptedOn: string, @Query('greenChannel') greenChannel?: string) {
    const service = getService(code);
    if (!service) throw new NotFoundError();
    if (!isLocalDate(acceptedOn)) throw new ValidationFailedError({ acceptedOn: 'fields.invalid' });
    if (greenChannel !== undefined && greenChannel !== 'true' && greenChannel !== 'false') throw new ValidationFailedError({ greenChannel: 'fields.invalid' });
    // By the bureau's calendar as administrators keep it; `greenChannel=true` answers with the green channel's shorter promise.
    const limits = { promisedLimit: greenChannel === 'true' ? service.greenChannelPromisedLimit : service.promisedLimit, legalLimit: service.legalLimit };
    return estimateDueDates(acceptedOn, limits, this.calendars.current);
  }
}
