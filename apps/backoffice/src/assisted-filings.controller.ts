import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, Validate, ValidateNested, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { isValidResidentId } from '@onewindow/domain';
import { ValidationFailedError } from '@onewindow/domain/errors';
import { AssistedFilingService, StaffAccount } from '@onewindow/applications';
import { CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

@ValidatorConstraint({ name: 'residentId' })
class ResidentIdConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidResidentId(value);
  }
}

class WalkInApplicantDto {
  @ApiProperty() @IsString({ message: 'fields.name' }) @MinLength(1, { message: 'fields.name' }) @MaxLength(50, { message: 'fields.name' }) name: string;
  @ApiProperty() @IsString({ message: 'fields.mobile' }) @Matches(/^1[3-9]\d{9}$/, { message: 'fields.mobile' }) phone: string;
  @ApiProperty() @IsString({ message: 'fields.resident_id' }) @Validate(ResidentIdConstraint, { message: 'fields.resident_id' }) idNumber: string;
}

class AuthorizationDto {
  @ApiProperty({ description: "the written authorisation's number" }) @IsString({ message: 'fields.required' }) @MinLength(1, { message: 'fields.required' }) @MaxLength(100, { message: 'fields.text_too_long' }) number: string;
  @ApiProperty({ description: 'id from POST /api/assisted-filings/authorizations' }) @IsUUID('all', { message: 'fields.uuid' }) materialId: string;
}

class AssistedFilingDto {
  @ApiProperty({ type: WalkInApplicantDto }) @IsObject({ message: 'fields.required' }) @ValidateNested() @Type(() => WalkInApplicantDto) applicant: WalkInApplicantDto;
  @ApiProperty() @IsString({ message: 'fields.required' }) @MaxLength(50) serviceCode: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject({ message: 'fields.invalid' }) form?: Record<string, unknown>;
  @ApiProperty({ type: AuthorizationDto }) @IsObject({ message: 'fields.required' }) @ValidateNested() @Type(() => AuthorizationDto) authorization: AuthorizationDto;
}

const asStaff = (account: SignedInAccount): StaffAccount => ({ kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections });

async function uploadedFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new ValidationFailedError({ file: 'fields.required' });
  const file = await request.file();
  if (!file) throw new ValidationFailedError({ file: 'fields.required' });
  const field = file.fields.materialCode as { value?: unknown } | undefined;
  return { materialCode: field?.value ?? (request.query as Record<string, unknown>).materialCode, fileName: file.filename, stream: file.file };
}

/** 帮办、代办: staff filing for a walk-in applicant, then uploading and submitting on their behalf. */
@ApiTags('assisted filing')
@Roles('window_clerk', 'helper')
@Controller('api/assisted-filings')
export class AssistedFilingsController {
  constructor(private readonly filings: AssistedFilingService) {}

  /** multipart `file`: the applicant's signed authorisation, before the filing exists. */
  @Post('authorizations')
  async authorization(@CurrentAccount() account: SignedInAccount, @Req() request: FastifyRequest) {
    return this.filings.uploadAuthorization(asStaff(account), await uploadedFile(request));
  }

  @Post()
  file(@CurrentAccount() account: SignedInAccount, @Body() body: AssistedFilingDto, @Req() request: FastifyRequest) {
    return this.filings.file(asStaff(account), body, request.locale);
  }

  @Get()
  list(@CurrentAccount() account: SignedInAccount) {
    return this.filings.list(asStaff(account));
  }

  @Post(':id/materials')
  async upload(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Req() request: FastifyRequest) {
    return this.filings.upload(asStaff(account), id, await uploadedFile(request));
  }

  @Post(':id/submit')
  @HttpCode(202)
  submit(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Req() request: FastifyRequest) {
    return this.filings.submit(asStaff(account), id, request.locale);
  }
}
