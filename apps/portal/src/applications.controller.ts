import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailedError } from '@onewindow/domain/errors';
import { ApplicantAccount, ApplicantApplicationsService } from '@onewindow/applications';
import { CurrentAccount, SignedInAccount } from '@onewindow/auth';

class CreateApplicationDto {
  @ApiProperty({ example: 'business-license' })
  @IsString({ message: 'fields.required' })
  @MaxLength(50, { message: 'fields.text_too_long' })
  serviceCode: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the service's form; see formSchema" })
  @IsOptional()
  @IsObject({ message: 'fields.invalid' })
  form?: Record<string, unknown>;
}

class UpdateApplicationDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'fields.invalid' })
  form: Record<string, unknown>;
}

function sendPdf(reply: FastifyReply, bytes: Buffer, fileName: string): void {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

const asApplicant = (account: SignedInAccount): ApplicantAccount => ({ kind: 'applicant', id: account.id, name: account.name });

/** An applicant's own applications. Thin: every rule lives in ApplicantApplicationsService. */
@ApiTags('applications')
@Controller('api/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicantApplicationsService) {}

  @Post()
  create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateApplicationDto, @Req() request: FastifyRequest) {
    return this.applications.createDraft(asApplicant(account), body, request.locale);
  }

  @Get()
  list(@CurrentAccount() account: SignedInAccount) {
    return this.applications.list(asApplicant(account));
  }

  @Get(':id')
  one(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.applications.view(asApplicant(account), id);
  }

  @Patch(':id')
  update(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Body() body: UpdateApplicationDto, @Req() request: FastifyRequest) {
    return this.applications.updateForm(asApplicant(account), id, body, request.locale);
  }

  /** multipart: `materialCode` (a field before the file, or ?materialCode=) and `file`. */
  @Post(':id/materials')
  async upload(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw new ValidationFailedError({ file: 'fields.required' });
    const file = await request.file();
    if (!file) throw new ValidationFailedError({ file: 'fields.required' });
    const field = file.fields.materialCode as { value?: unknown } | undefined;
    const materialCode = field?.value ?? (request.query as Record<string, unknown>).materialCode;
    return this.applications.uploadMaterial(asApplicant(account), id, { materialCode, fileName: file.filename, stream: file.file });
  }

  @Post(':id/submit')
  @HttpCode(202)
  submit(
    @CurrentAccount() account: SignedInAccount,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.applications.submit(asApplicant(account), id, request.locale, idempotencyKey);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentAccount() account: SignedInAccount, @Param('id') id: string) {
    return this.applications.withdraw(asApplicant(account), id);
  }

  @Get(':id/notices/:noticeId.pdf')
  async notice(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Param('noticeId') noticeId: string, @Res() reply: FastifyReply) {
    const { bytes, number } = await this.applications.noticePdf(asApplicant(account), id, noticeId);
    sendPdf(reply, bytes, `notice-${number}.pdf`);
  }

  @Get(':id/license.pdf')
  async license(@CurrentAccount() account: SignedInAccount, @Param('id') id: string, @Res() reply: FastifyReply) {
    const { bytes, number } = await this.applications.licensePdf(asApplicant(account), id);
    sendPdf(reply, bytes, `license-${number}.pdf`);
  }
}
