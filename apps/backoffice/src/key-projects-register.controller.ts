import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { KeyProjectsService, StaffAccount } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class RegisterDetailsDto {
  @ApiPropertyOptional({ example: '朔州市平鲁区晋能光伏科技有限公司', description: '项目业主' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString({ message: 'fields.invalid' }) @MaxLength(200, { message: 'fields.text_too_long' })
  owner?: string | null;

  @ApiPropertyOptional({ example: '27700', description: '总投资（万元，至多4位小数）' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString({ message: 'fields.invalid' }) @MaxLength(20, { message: 'fields.invalid' })
  investment?: string | null;

  @ApiPropertyOptional({ example: '2026-12-01', description: '计划开工日期' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString({ message: 'fields.invalid' }) @Matches(DATE, { message: 'fields.invalid' })
  plannedStart?: string | null;

  @ApiPropertyOptional({ example: 'construction', description: "the section in charge (a reviewing section's code)" })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString({ message: 'fields.invalid' }) @MaxLength(50, { message: 'fields.invalid' })
  section?: string | null;
}

class StartDto {
  @ApiProperty({ example: '2026-11-20', description: 'the day works started (not before the construction permit was issued)' })
  @IsString({ message: 'fields.required' }) @Matches(DATE, { message: 'fields.invalid' })
  startedOn: string;
}

class LangQuery {
  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

class MonthQuery extends LangQuery {
  @ApiProperty({ example: '2026-10' }) @IsString({ message: 'fields.required' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'fields.invalid' }) month: string;
}

class QuarterQuery extends LangQuery {
  @ApiProperty({ example: '2026-Q4' }) @IsString({ message: 'fields.required' }) @Matches(/^\d{4}-Q[1-4]$/, { message: 'fields.invalid' }) quarter: string;
}

class StartRateQuery extends LangQuery {
  @ApiPropertyOptional({ example: '2026-11-30', description: 'as of this date (default today)' }) @IsOptional() @Matches(DATE, { message: 'fields.invalid' }) asOf?: string;
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/**
 * The key-project register (重点项目) and what leadership follows of it: permit progress, the
 * start rate (开复工率), the weekly dispatch list (周调度), the monthly bulletin (月通报) and the
 * quarterly assessment (季考核). Marking a project key stays POST /api/key-projects.
 */
@ApiTags('key projects')
@Roles('leadership', 'administrator', 'section_head', 'helper', 'window_clerk')
@Controller('api/key-projects')
export class KeyProjectsRegisterController {
  constructor(private readonly projects: KeyProjectsService) {}

  @Get()
  list(@Query() _query: LangQuery) {
    return this.projects.list();
  }

  @Get('start-rate')
  startRate(@Query() query: StartRateQuery) {
    return this.projects.startRate(query.asOf);
  }

  @Get('dispatch')
  dispatch(@Query() _query: LangQuery) {
    return this.projects.dispatch();
  }

  @Get('bulletin')
  bulletin(@Query() query: MonthQuery) {
    return this.projects.bulletin(query.month);
  }

  @Get('assessment')
  assessment(@Query() query: QuarterQuery) {
    return this.projects.assessment(query.quarter);
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.projects.get(code);
  }

  @Patch(':code')
  @Roles('window_clerk', 'section_head', 'administrator')
  update(@CurrentAccount() account: SignedInAccount, @Param('code') code: string, @Body() body: RegisterDetailsDto) {
    return this.projects.update(asStaff(account), code, body);
  }

  /** The start of works, recorded by the project's 帮办 helper (or an administrator for its owner). */
  @Post(':code/start')
  @HttpCode(200)
  @Roles('helper', 'administrator')
  start(@CurrentAccount() account: SignedInAccount, @Param('code') code: string, @Body() body: StartDto) {
    return this.projects.recordStart(asStaff(account), code, body);
  }
}
