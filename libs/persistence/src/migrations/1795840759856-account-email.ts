import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An applicant's optional e-mail address (state changes are told by SMS and, when there is one, by
 * e-mail), and the subject line an e-mail message goes out with (null for text messages).
 */
export class AccountEmail1795840759856 implements MigrationInterface {
    name = 'AccountEmail1795840759856';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"accounts\" ADD \"email\" text");
        await queryRunner.query("ALTER TABLE \"notifications\" ADD \"subject\" text");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"subject\"");
        await queryRunner.query("ALTER TABLE \"accounts\" DROP COLUMN \"email\"");
    }
}
