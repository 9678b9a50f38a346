import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { VerificationService } from '@onewindow/applications';
import { Public } from '@onewindow/auth';
import { renderVerifyPage } from './verify.page';

/**
 * Licence verification by its QR code: `/verify/<number>?d=…&sig=…` is the page the QR opens,
 * `/api/verify/<number>?d=…&sig=…` the same answer as JSON. Public and rate-limited.
 */
@ApiTags('verification')
@Public()
@UseGuards(ThrottlerGuard)
@Controller()
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  @Get('api/verify/:licenseNumber')
  api(@Param('licenseNumber') licenseNumber: string, @Query('d') d: unknown, @Query('sig') sig: unknown) {
    return this.verification.verify(licenseNumber, d, sig);
  }

  /** Rendered on the shared layout (never cached: revocation shows at once). */
  @Get('verify/:licenseNumber')
  async page(@Param('licenseNumber') licenseNumber: string, @Query('d') d: unknown, @Query('sig') sig: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await renderVerifyPage(request, reply, await this.verification.verify(licenseNumber, d, sig));
  }
}
