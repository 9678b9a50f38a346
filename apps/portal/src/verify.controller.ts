import { Controller, Get, Header, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
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

  @Get('verify/:licenseNumber')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async page(@Param('licenseNumber') licenseNumber: string, @Query('d') d: unknown, @Query('sig') sig: unknown, @Req() request: FastifyRequest) {
    return renderVerifyPage(await this.verification.verify(licenseNumber, d, sig), request.locale, { d, sig });
  }
}
