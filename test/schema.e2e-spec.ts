import { pendingSchemaChanges } from '@onewindow/persistence';

describe('database schema', () => {
  it('the migrations build exactly the schema the entities describe (no pending change)', async () => {
    const { up } = await pendingSchemaChanges(process.env.DATABASE_OWNER_URL!);
    expect(up).toEqual([]);
  });
});
