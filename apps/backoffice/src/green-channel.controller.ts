import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GreenChannelService, StaffAccount } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

class ReasonDto {
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'rules.reason_required' }) @MaxLength(1000, { message: 'fields.text_too_long' }) reason: string;
}

class KeyProjectDto {
  @ApiProperty({ example: '2026-140603-02-01-000001' }) @IsString({ message: 'fields.required' }) @MaxLength(24, { message: 'fields.invalid' }) projectCode: string;
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'fields.required' }) @MaxLength(200, { message: 'fields.text_too_long' }) name: string;
  @ApiProperty() @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'rules.reason_required' }) @MaxLength(1000, { message: 'fields.text_too_long' }) reason: string;
  @ApiPropertyOptional({ type: [String], description: '帮办 helpers (usernames) who see and work all its files' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) helperUsernames?: string[];
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/** 绿色通道: a file or a whole key project goes first, on the shorter promised limit. */
@ApiTags('green channel')
@Roles('window_clerk', 'section_head', 'administrator')
@Controller('api')
export class GreenChannelController {
  constructor(private readonly greenChannel: GreenChannelService) {}

  @Post('applications/:id/green-channel')
  @HttpCode(200)
  markFile(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.greenChannel.markFile(asStaff(account), id, body.reason);
  }

  @Post('key-projects')
  markProject(@CurrentAccount() account: SignedInAccount, @Body() body: KeyProjectDto) {
    return this.greenChannel.markProject(asStaff(account), body);
  }
}
