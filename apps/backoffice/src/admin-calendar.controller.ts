import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { CalendarDayKind } from '@onewindow/domain';
import { ValidationFailedError } from '@onewindow/domain/errors';
import { CalendarService } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

class CalendarDayDto {
  @ApiProperty({ enum: ['holiday', 'workday'], description: "'holiday': a day off; 'workday': a weekend day worked (调休上班)" })
  @IsIn(['holiday', 'workday'], { message: 'fields.invalid' })
  kind: CalendarDayKind;

  @ApiProperty({ example: '春节' })
  @IsString({ message: 'fields.required' })
  @MinLength(1, { message: 'fields.required' })
  @MaxLength(50, { message: 'fields.text_too_long' })
  name: string;
}

const staffOf = (account: SignedInAccount) => ({ kind: 'staff' as const, id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/** The bureau's holiday calendar (节假日与调休), maintained by administrators. */
@ApiTags('admin')
@Roles('administrator')
@Controller('api/admin/calendar')
export class AdminCalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  @ApiQuery({ name: 'year', example: 2027 })
  year(@Query('year') year: string) {
    if (!/^\d{4}$/.test(year ?? '')) throw new ValidationFailedError({ year: 'fields.invalid' });
    return this.calendars.year(Number(year));
  }

  @Put(':date')
  setDay(@CurrentAccount() account: SignedInAccount, @Param('date') date: string, @Body() body: CalendarDayDto) {
    return this.calendars.setDay(staffOf(account), date, body);
  }

  @Delete(':date')
  @HttpCode(204)
  async deleteDay(@CurrentAccount() account: SignedInAccount, @Param('date') date: string): Promise<void> {
    await this.calendars.deleteDay(staffOf(account), date);
  }
}
