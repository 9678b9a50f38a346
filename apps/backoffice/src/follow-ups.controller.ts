import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { StaffAccount } from '@onewindow/applications';
import { FOLLOW_UP_RESPONSE_MAX_LENGTH, FollowUpsService } from '@onewindow/applications/follow-ups.service';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

class FollowUpsQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['open', 'closed', 'all'], { message: 'fields.invalid' })
  status?: 'open' | 'closed' | 'all';

  @IsOptional() @IsIn(['en', 'zh-CN']) lang?: string;
}

class FollowUpResponseDto {
  @ApiProperty({ maxLength: FOLLOW_UP_RESPONSE_MAX_LENGTH, example: '您好，经核查，窗口已加强首问负责，感谢您的监督。' })
  @IsString({ message: 'fields.required' })
  @MinLength(1, { message: 'fields.required' })
  @MaxLength(FOLLOW_UP_RESPONSE_MAX_LENGTH, { message: 'fields.text_too_long' })
  response: string;
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/** 好差评 follow-ups: poor ratings, their due dates and the required written response. */
@ApiTags('follow-ups')
@Controller('api/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles('section_head', 'administrator', 'leadership')
  list(@CurrentAccount() account: SignedInAccount, @Query() query: FollowUpsQuery) {
    return this.followUps.list(asStaff(account), query.status ?? 'all');
  }

  @Post(':id/response')
  @HttpCode(200)
  @Roles('section_head', 'administrator')
  respond(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: FollowUpResponseDto) {
    return this.followUps.respond(asStaff(account), id, body);
  }
}
