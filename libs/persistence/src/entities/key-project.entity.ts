import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A key project (重点项目): every file of it goes through the green channel; helpers may be assigned to it. */
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
}
