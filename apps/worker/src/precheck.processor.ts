import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PrecheckService } from '@onewindow/applications';
import { FAMILY_QUEUES, MalformedJobError, parseJobPayload } from '@onewindow/queues';

/** Checks the payload; a malformed job fails for good instead of retrying forever. */
export function payloadOf<K extends 'precheck' | 'issue' | 'open-seal-order'>(name: K, job: Job) {
  try {
    return parseJobPayload(name, job.data);
  } catch (error) {
    if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** One precheck processor per family queue; each only delegates to PrecheckService. */
function precheckProcessorFor(queue: string): Type<WorkerHost> {
  @Processor(queue, { concurrency: 8 })
  class PrecheckProcessor extends WorkerHost {
    constructor(private readonly precheck: PrecheckService) {
      super();
    }

    async process(job: Job): Promise<string> {
      if (job.name !== 'precheck') throw new UnrecoverableError(`${queue} has no job named ${job.name}`);
      return this.precheck.run(payloadOf('precheck', job).applicationId);
    }
  }
  Object.defineProperty(PrecheckProcessor, 'name', { value: `PrecheckProcessor(${queue})` });
  return PrecheckProcessor;
}

export const PRECHECK_PROCESSORS = FAMILY_QUEUES.map(precheckProcessorFor);
