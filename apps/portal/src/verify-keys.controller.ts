import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@onewindow/auth';
import { SigningKeys } from '@onewindow/applications';

/** The published public keys that verify licence QR codes offline. */
@ApiTags('verification')
@Public()
@Controller('.well-known')
export class VerifyKeysController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('onewindow-verify-key')
  jwks() {
    return this.keys.jwks();
  }
}
