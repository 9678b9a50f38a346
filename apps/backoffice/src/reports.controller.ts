import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ReportsService } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class MonthlyReportQuery {
  @ApiProperty({ example: '2026-10', description: 'YYYY-MM' }) @IsString({ message: 'fields.required' }) @Matches(MONTH, { message: 'fields.invalid' }) month: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'pdf'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'pdf'], { message: 'fields.invalid' }) format?: 'json' | 'csv' | 'pdf';
  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

class MonthQuery {
  @ApiProperty({ example: '2026-10' }) @IsString({ message: 'fields.required' }) @Matches(MONTH, { message: 'fields.invalid' }) month: string;
  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

class RunDto {
  @ApiProperty({ example: '2026-10', description: 'a month that is over' }) @IsString({ message: 'fields.required' }) @Matches(MONTH, { message: 'fields.invalid' }) month: string;
}

function download(reply: FastifyReply, contentType: string, body: string | Buffer, fileName: string): void {
  void reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** 营商环境建设工作月报告: the monthly report as JSON, CSV or PDF, its charts as SVG, and the job that stores it. */
@ApiTags('reports')
@Roles('leadership', 'administrator')
@Controller('api/reports/monthly')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  async monthly(@CurrentAccount() account: SignedInAccount, @Query() query: MonthlyReportQuery, @Res() reply: FastifyReply): Promise<void> {
    if (query.format === 'csv') {
      const csv = await this.reports.csv(query.month, account.name);
      return download(reply, 'text/csv; charset=utf-8', csv.body, csv.fileName);
    }
    if (query.format === 'pdf') {
      const pdf = await this.reports.pdf(query.month, account.name);
      return download(reply, 'application/pdf', pdf.body, pdf.fileName);
    }
    void reply.header('cache-control', 'private, no-store').send(await this.reports.monthly(query.month, account.name));
  }

  /** One chart of the month as SVG (volumes, on-time, processing, daily, ratings): the same drawing as in the PDF. */
  @Get('charts/:chart.svg')
  async chart(@CurrentAccount() account: SignedInAccount, @Param('chart') chart: string, @Query() query: MonthQuery, @Res() reply: FastifyReply): Promise<void> {
    const svg = await this.reports.chart(query.month, chart, account.name);
    // An <img> still shows it; opened on its own it is a download, so no script in an SVG ever runs on this origin.
    void reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${chart}-${query.month}.svg`)}`)
      .header('cache-control', 'private, no-store')
      .send(svg);
  }

  /** Runs the report job for a month that is over (stores it if it is not stored yet); poll the status for its progress. */
  @Post('runs')
  @HttpCode(202)
  run(@CurrentAccount() account: SignedInAccount, @Body() body: RunDto) {
    return this.reports.requestRun(body.month, account.name);
  }

  @Get('runs/:month')
  runStatus(@Param('month') month: string) {
    return this.reports.runStatus(month);
  }

  /** Recomputes a stored month with the calendar stored beside it and says whether the figures match. */
  @Get('verify')
  verify(@Query() query: MonthQuery) {
    return this.reports.verify(query.month);
  }
}
