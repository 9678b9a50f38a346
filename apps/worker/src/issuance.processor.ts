import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { IssuanceService } from '@onewindow/applications';
import { QUEUES } from '@onewindow/queues';
import { payloadOf } from './precheck.processor';

@Processor(QUEUES.issuance, { concurrency: 4 })
export class IssuanceProcessor extends WorkerHost {
  constructor(private readonly issuance: IssuanceService) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name !== 'issue') throw new UnrecoverableError(`issuance has no job named ${job.name}`);
    return this.issuance.issue(payloadOf('issue', job).applicationId);
  }
}
