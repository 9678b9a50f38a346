import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getService } from '@onewindow/domain';
import { FOLLOW_UP_RESPONSE_MAX_LENGTH, FOLLOW_UP_WORKING_DAYS, FollowUpsService, FollowUpView } from '@onewindow/applications/follow-ups.service';
import { Roles } from '@onewindow/auth';
import { Locale, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { FormBody, FormProblem, formProblem, staffActor, summaryOf } from './admin-page-helpers';

type StatusView = 'open' | 'closed' | 'all';

const daysWords = (locale: Locale, key: string, days: number) => translate(locale, `${key}${days === 1 ? '_one' : ''}`, { days });

function decorate(f: FollowUpView, locale: Locale) {
  const service = getService(f.serviceCode);
  const left = f.workingDaysLeft;
  return {
    ...f,
    serviceName: service ? (locale === 'en' ? service.nameEn : service.name) : f.serviceCode,
    levelLabel: translate(locale, `rating.level_${f.level}`),
    // The due date in words as well as colour: overdue, due today, or days left.
    dueWords: f.status !== 'open' ? '' : f.overdue ? daysWords(locale, 'followup.overdue_by', Math.max(1, -(left ?? 0))) : left === 0 ? translate(locale, 'followup.due_today') : daysWords(locale, 'followup.days_left', left ?? 0),
    tone: f.status !== 'open' ? 'done' : f.overdue ? 'overdue' : (left ?? 0) <= 1 ? 'yellow' : 'green',
  };
}

/**
 * 好差评 follow-ups: each poor rating with its due date (FOLLOW_UP_WORKING_DAYS working days after
 * the rating), overdue ones in red and in words, and the written response that closes it. Section
 * heads and administrators respond; leadership reads.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('section_head', 'administrator', 'leadership')
@Controller('follow-ups')
export class FollowUpsPagesController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view: StatusView = query.status === 'closed' || query.status === 'all' ? query.status : 'open';
    const { items, counts } = await this.followUps.list(staffActor(request), view);
    await renderPage(request, reply, 'backoffice/follow-ups.njk', {
      view,
      items: items.map((f) => decorate(f, request.locale)),
      counts,
      workingDays: FOLLOW_UP_WORKING_DAYS,
      answered: typeof query.answered === 'string' ? query.answered.slice(0, 40) : '',
    });
  }

  @Get(':id')
  async detail(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.renderDetail(request, reply, id, '');
  }

  @Roles('section_head', 'administrator')
  @Post(':id/response')
  async respond(@Param('id') id: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const response = typeof body.response === 'string' ? body.response : '';
    try {
      const answered = await this.followUps.respond(staffActor(request), id, { response });
      return redirectTo(reply, `/follow-ups?answered=${encodeURIComponent(answered.number)}`);
    } catch (error) {
      return this.renderDetail(request, reply, id, response, formProblem(error, request));
    }
  }

  private async renderDetail(request: FastifyRequest, reply: FastifyReply, id: string, response: string, problem?: FormProblem) {
    const followUp = await this.followUps.get(staffActor(request), id);
    await renderPage(
      request,
      reply,
      'backoffice/follow-up.njk',
      {
        f: decorate(followUp, request.locale),
        response,
        maxLength: FOLLOW_UP_RESPONSE_MAX_LENGTH,
        workingDays: FOLLOW_UP_WORKING_DAYS,
        errors: problem?.errors ?? {},
        errorList: problem ? summaryOf(problem, () => '#response') : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }
}
