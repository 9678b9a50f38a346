import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { KeyProjectsService } from '@onewindow/applications';
import { CurrentAccount, SignedInAccount } from '@onewindow/auth';

class StartOfWorksDto {
  @ApiProperty({ example: '2026-11-20', description: 'the day works started (not before the construction permit was issued, not after today)' })
  @IsString({ message: 'fields.required' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.invalid' })
  startedOn: string;
}

/** 开工: the owner of a key project records its start of works from their construction permit file. */
@ApiTags('applications')
@Controller('api/applications')
export class StartOfWorksController {
  constructor(private readonly projects: KeyProjectsService) {}

  @Post(':id/start-of-works')
  @HttpCode(200)
  start(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: StartOfWorksDto) {
    return this.projects.recordStartOf({ kind: 'applicant', id: account.id, name: account.name }, id, body);
  }
}
