import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { ClaimsService, ClockActionsService, SPECIAL_PROCEDURES, SpecialProcedure, StaffAccount } from '@onewindow/applications';
import { CurrentAccount, SignedInAccount } from '@onewindow/auth';

class StartSpecialProcedureDto {
  @ApiProperty({ enum: SPECIAL_PROCEDURES, description: '专家评审 expert review, 听证 hearing, 公示 public notice' })
  @IsIn(SPECIAL_PROCEDURES as unknown as string[], { message: 'fields.invalid' })
  kind: SpecialProcedure;

  @ApiProperty()
  @IsString({ message: 'fields.required' })
  @MinLength(1, { message: 'rules.reason_required' })
  @MaxLength(2000, { message: 'fields.text_too_long' })
  reason: string;
}

class ExtendDto {
  @ApiProperty({ minimum: 1, maximum: 10, description: 'working days added to the legal limit (at most 10, once)' })
  @IsInt({ message: 'fields.invalid' })
  @Min(1, { message: 'fields.invalid' })
  workingDays: number;

  @ApiProperty()
  @IsString({ message: 'fields.required' })
  @MinLength(1, { message: 'rules.reason_required' })
  @MaxLength(2000, { message: 'fields.text_too_long' })
  reason: string;
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

/** The clock beside the state: take-next, special procedures that pause it, and the one extension. */
@ApiTags('workflow')
@Controller('api')
export class ClockController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly clock: ClockActionsService,
  ) {}

  /** Claims the most urgent unclaimed file the caller may work (green channel first, then due time); 404 when none waits. */
  @Post('inbox/take-next')
  @HttpCode(200)
  takeNext(@CurrentAccount() account: SignedInAccount) {
    return this.claims.takeNext(asStaff(account));
  }

  @Post('applications/:id/special-procedures')
  @HttpCode(200)
  startSpecialProcedure(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: StartSpecialProcedureDto) {
    return this.clock.startSpecialProcedure(asStaff(account), id, body);
  }

  @Post('applications/:id/special-procedures/end')
  @HttpCode(200)
  endSpecialProcedure(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.clock.endSpecialProcedure(asStaff(account), id);
  }

  @Post('applications/:id/extend')
  @HttpCode(200)
  extend(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: ExtendDto) {
    return this.clock.extend(asStaff(account), id, body);
  }
}
