import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { NoticeService } from '@onewindow/applications';
import { MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';

@Processor(QUEUES.documents, { concurrency: 4 })
export class DocumentsProcessor extends WorkerHost {
  constructor(private readonly notices: NoticeService) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name !== 'render-notice') throw new UnrecoverableError(`documents has no job named ${job.name}`);
    try {
      return await this.notices.render(parseJobPayload('render-notice', job.data).noticeId);
    } catch (error) {
      if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
