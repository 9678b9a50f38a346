import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key project (重点项目): every file of it goes through the green channel; helpers may be assigned
 * to it. The register adds what leadership follows weekly, monthly and quarterly: the owner, the
 * investment, the planned start, the section in charge, and the recorded start of works.
 */
@Entity('key_projects')
export class KeyProjectEntity {
  @PrimaryColumn({ name: 'project_code', type: 'text' })
  projectCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'marked_by', type: 'uuid' })
  markedBy: string;

  /** 帮办 helpers who see and work all of the project's files. */
  @Column({ name: 'helper_ids', type: 'uuid', array: true, default: () => "'{}'" })
  helperIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** 项目业主: the company that builds the project. */
  @Column({ type: 'text', nullable: true })
  owner: string | null;

  /** Total investment in 万元 (up to 4 decimals), kept exact as a string. */
  @Column({ type: 'numeric', precision: 14, scale: 4, nullable: true })
  investment: string | null;

  /** The planned start of works (local date). */
  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart: string | null;

  /** The reviewing section in charge of following the project (a catalogue section code). */
  @Column({ type: 'text', nullable: true })
  section: string | null;

  /** The day works started, as recorded by the project's helper or for its owner; null until then. */
  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ name: 'start_recorded_by', type: 'uuid', nullable: true })
  startRecordedBy: string | null;

  @Column({ name: 'start_recorded_at', type: 'timestamptz', nullable: true })
  startRecordedAt: Date | null;
}
