import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TransitionRefusedError } from '@onewindow/domain/errors';
import { AccountsService, CurrentAccount, Roles, SignedInAccount } from '@onewindow/auth';

/** Administrators' account actions: disabling an account ends its sessions at once. */
@ApiTags('admin')
@Roles('administrator')
@Controller('api/admin/accounts')
export class AdminAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Any account, staff or applicant; 404 for an unknown id; disabling twice keeps the first time. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentAccount() admin: SignedInAccount, @Param('id') id: string) {
    if (id === admin.id) throw new TransitionRefusedError('cannot_disable_self');
    return this.accounts.disable(id);
  }
}
