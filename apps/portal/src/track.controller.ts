import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { TrackingService } from '@onewindow/applications';
import { Public } from '@onewindow/auth';

class TrackQuery {
  @ApiPropertyOptional({ example: '14060320261127000042' })
  @IsString({ message: 'fields.required' })
  @Matches(/^\d{20}$/, { message: 'fields.invalid' })
  number: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsString({ message: 'fields.mobile' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'fields.mobile' })
  phone: string;

  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

/** 手机查询: progress by application number + phone, without signing in. */
@ApiTags('tracking')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('api/track')
export class TrackController {
  constructor(private readonly tracking: TrackingService) {}

  @Get()
  track(@Query() query: TrackQuery, @Req() request: FastifyRequest) {
    return this.tracking.track(query.number, query.phone, request.locale);
  }
}
