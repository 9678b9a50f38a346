import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SealCarvingService } from '@onewindow/applications';
import { Roles } from '@onewindow/auth';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { FormProblem, formProblem, staffActor, summaryOf } from './admin-page-helpers';

type View = 'active' | 'delivered';

/**
 * 免费刻章 for the seal-carving vendor: the open orders and those made but not yet delivered,
 * each marked made, then delivered. An order names the new entity, its credit code and the
 * seals, which is all carving needs: nothing of the applicant's person, no file.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('seal_vendor', 'administrator')
@Controller('seal-orders')
export class SealOrdersPagesController {
  constructor(private readonly orders: SealCarvingService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const view: View = query.view === 'delivered' ? 'delivered' : 'active';
    const done = query.done === 'made' || query.done === 'delivered' ? query.done : null;
    await this.render(request, reply, view, { done, entity: typeof query.entity === 'string' ? query.entity.slice(0, 100) : '' });
  }

  @Post(':id/made')
  async made(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.step(id, 'made', request, reply);
  }

  @Post(':id/delivered')
  async delivered(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.step(id, 'delivered', request, reply);
  }

  private async step(id: string, step: 'made' | 'delivered', request: FastifyRequest, reply: FastifyReply) {
    try {
      const order = await this.orders.mark(staffActor(request), id, step);
      return redirectTo(reply, `/seal-orders?done=${step}&entity=${encodeURIComponent(order.entityName)}`);
    } catch (error) {
      // Someone else marked it first, or a stale page: say so above the list as it now stands.
      const problem = formProblem(error, request);
      return this.render(request, reply, 'active', { done: null, entity: '' }, problem);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, view: View, flash: { done: string | null; entity: string }, problem?: FormProblem) {
    const vendor = staffActor(request);
    const [open, made] = view === 'active' ? await Promise.all([this.orders.listForVendor(vendor, 'open'), this.orders.listForVendor(vendor, 'made')]) : [[], []];
    const delivered = view === 'delivered' ? await this.orders.listForVendor(vendor, 'delivered') : [];
    const row = (o: (typeof open)[number]) => ({
      id: o.id,
      entityName: o.entityName,
      creditCode: o.creditCode,
      seals: o.seals,
      status: o.status,
      openedAt: o.openedAt,
      madeAt: o.madeAt,
      deliveredAt: o.deliveredAt,
    });
    await renderPage(
      request,
      reply,
      'backoffice/seal-orders.njk',
      {
        view,
        open: open.map(row),
        made: made.map(row),
        delivered: delivered.map(row).reverse(),
        flash,
        errorList: problem ? summaryOf(problem) : [],
        hasErrors: !!problem,
      },
      problem?.status ?? 200,
    );
  }
}
