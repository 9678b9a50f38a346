import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ApplicationState, SERVICE_CODES } from '@onewindow/domain';
import { QUEUE_OF_ROLE, StaffAccount, StaffWorkflowService } from '@onewindow/applications';
import { CurrentAccount, SignedInAccount } from '@onewindow/auth';

const asStaff = (account: SignedInAccount): StaffAccount => ({
  kind: 'staff',
  id: account.id,
  name: account.name,
  roles: account.roles,
  sections: account.sections,
});

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The queue states the inbox lists (each role's queue); any other state is never in an inbox. */
const INBOX_STATES = Object.values(QUEUE_OF_ROLE) as string[];

class InboxQuery {
  @ApiPropertyOptional({ enum: SERVICE_CODES }) @IsOptional() @IsIn(SERVICE_CODES as unknown as string[]) service?: string;
  @ApiPropertyOptional({ enum: INBOX_STATES }) @IsOptional() @IsIn(INBOX_STATES) state?: ApplicationState;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() greenChannel?: boolean;
  @ApiPropertyOptional({ enum: ['me', 'none'] }) @IsOptional() @IsIn(['me', 'none']) claimedBy?: 'me' | 'none';
  @ApiPropertyOptional({ description: 'true: due time passed; false: not passed' }) @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'due by the close of business on the Nth working day from today (0: today), overdue files included', minimum: 0, maximum: 60 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  dueWithinWorkingDays?: number;
  @ApiPropertyOptional({ description: 'an application number or its first digits; 3+ characters of an entity or applicant name; 1–2 characters: the start of an applicant name' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'fields.required' })
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

class ReasonDto {
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'rules.reason_required' }) @MaxLength(2000, { message: 'fields.text_too_long' }) reason: string;
}

class OpinionDto {
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'rules.reason_required' }) @MaxLength(2000, { message: 'fields.text_too_long' }) opinion: string;
}

class CorrectionItemDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) field?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) materialCode?: string;
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'fields.required' }) @MaxLength(1000, { message: 'fields.text_too_long' }) reason: string;
}

class RequestCorrectionDto {
  @ApiProperty({ type: [CorrectionItemDto] })
  @IsArray({ message: 'rules.correction_items_required' })
  @ArrayMinSize(1, { message: 'rules.correction_items_required' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemDto)
  items: CorrectionItemDto[];

  @ApiPropertyOptional({ description: 'required for a second correction request' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'fields.text_too_long' })
  reason?: string;
}

/** The staff API over files: the unified queue, claims and decisions. */
@ApiTags('workflow')
@Controller('api')
export class StaffApplicationsController {
  constructor(private readonly workflow: StaffWorkflowService) {}

  @Get('inbox')
  inbox(@CurrentAccount() account: SignedInAccount, @Query() query: InboxQuery) {
    return this.workflow.inbox(asStaff(account), query);
  }

  @Get('applications/:id')
  one(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.workflow.view(asStaff(account), id);
  }

  @Post('applications/:id/claim')
  @HttpCode(200)
  claim(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.workflow.claim(asStaff(account), id);
  }

  @Post('applications/:id/release')
  @HttpCode(200)
  release(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.workflow.release(asStaff(account), id);
  }

  @Post('applications/:id/accept')
  @HttpCode(200)
  accept(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.workflow.act(asStaff(account), id, 'accept');
  }

  @Post('applications/:id/request-correction')
  @HttpCode(200)
  requestCorrection(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: RequestCorrectionDto) {
    return this.workflow.act(asStaff(account), id, 'request_correction', { items: body.items, reason: body.reason });
  }

  @Post('applications/:id/refuse')
  @HttpCode(200)
  refuse(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.workflow.act(asStaff(account), id, 'refuse', { reason: body.reason });
  }

  @Post('applications/:id/approve')
  @HttpCode(200)
  approve(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: OpinionDto) {
    return this.workflow.act(asStaff(account), id, 'approve', { reason: body.opinion });
  }

  @Post('applications/:id/deny')
  @HttpCode(200)
  deny(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.workflow.act(asStaff(account), id, 'deny', { reason: body.reason });
  }

  @Post('applications/:id/seal')
  @HttpCode(200)
  seal(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.workflow.act(asStaff(account), id, 'seal');
  }

  @Post('applications/:id/revoke')
  @HttpCode(200)
  revoke(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.workflow.act(asStaff(account), id, 'revoke', { reason: body.reason });
  }
}
