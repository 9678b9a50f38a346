import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A stored monthly business-environment report (营商环境建设工作月报告) of a month that is over.
 * Immutable: a trigger refuses UPDATE and DELETE, so a month once reported keeps its figures even
 * after the holiday calendar is edited. The calendar it was computed with is stored beside it.
 */
@Entity('monthly_reports')
export class MonthlyReportEntity {
  /** 'YYYY-MM'. */
  @PrimaryColumn({ type: 'text' })
  month: string;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt: Date;

  /** 'scheduler', or the username of the staff member who asked for it. */
  @Column({ name: 'generated_by', type: 'text' })
  generatedBy: string;

  /** The calendar the figures were computed with: `{ days, officeHours }` (the calendar_days rows alone in months stored before). */
  @Column({ type: 'jsonb' })
  calendar: unknown;

  @Column({ type: 'jsonb' })
  report: unknown;

  /** SHA-256 of the report's canonical JSON. */
  @Column({ name: 'report_sha256', type: 'text' })
  reportSha256: string;

  /** The PDF rendered at generation, in file storage under this hash. */
  @Column({ name: 'pdf_sha256', type: 'text' })
  pdfSha256: string;
}
