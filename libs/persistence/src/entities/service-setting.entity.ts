import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An administrator's local settings of one service (the catalogue holds the defaults): the
 * promised time limit and the green channel's shorter one, in the catalogue's unit, and which of
 * its optional materials the bureau requires. A file records the values in force when it is
 * submitted (applications.promised_days …, by a trigger), so a change applies to new files only.
 */
@Entity('service_settings')
@Check('service_settings_days', 'promised_days > 0 AND green_channel_days > 0 AND green_channel_days <= promised_days')
export class ServiceSettingEntity {
  @PrimaryColumn({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ name: 'promised_days', type: 'int' })
  promisedDays: number;

  @Column({ name: 'green_channel_days', type: 'int' })
  greenChannelDays: number;

  /** Codes of catalogue materials marked optional (or conditional) that this bureau requires always. */
  @Column({ name: 'required_materials', type: 'text', array: true, default: () => "'{}'" })
  requiredMaterials: string[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
