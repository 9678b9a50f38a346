import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { SealCarvingService } from '@onewindow/applications';
import { QUEUES } from '@onewindow/queues';
import { payloadOf } from './precheck.processor';

@Processor(QUEUES.sealCarving)
export class SealCarvingProcessor extends WorkerHost {
  constructor(private readonly sealCarving: SealCarvingService) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name !== 'open-seal-order') throw new UnrecoverableError(`seal-carving has no job named ${job.name}`);
    return this.sealCarving.open(payloadOf('open-seal-order', job).applicationId);
  }
}
