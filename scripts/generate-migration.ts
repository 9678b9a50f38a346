/**
 * Writes a migration with the SQL that brings a database migrated to the latest migration in
 * line with the entities (what `typeorm migration:generate` does, without needing ts-node).
 * Usage: npm run migration:generate -- AddSomething
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@onewindow/config';
import { dropDatabase, ensureDatabase, pendingSchemaChanges, runMigrations } from '@onewindow/persistence';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>');
  const config = loadConfig();
  const database = `onewindow_gen_${randomBytes(4).toString('hex')}`;
  const withDb = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: withDb(config.DATABASE_OWNER_URL), appUrl: withDb(config.DATABASE_URL) };
  await ensureDatabase(urls);
  try {
    await runMigrations(urls);
    const { up, down } = await pendingSchemaChanges(urls.ownerUrl);
    if (up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (sql: string) => `        await queryRunner.query(${JSON.stringify(sql)});`;
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
    name = '${className}';

    public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
    }
}
`;
    const file = join(__dirname, '..', '..', 'libs', 'persistence', 'src', 'migrations', `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    writeFileSync(file, source);
    console.log(`Wrote ${file}\nAdd ${className} to libs/persistence/src/migrations/index.ts.`);
  } finally {
    await dropDatabase(config.DATABASE_ADMIN_URL, database);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
