import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`loyalty_ledger_account_idx\`;`)
  await db.run(sql`DROP INDEX \`loyalty_ledger_kind_idx\`;`)
  await db.run(sql`DROP INDEX \`loyalty_ledger_source_collection_idx\`;`)
  await db.run(sql`DROP INDEX \`loyalty_activities_object_collection_idx\`;`)
  await db.run(sql`DROP INDEX \`loyalty_progress_collection_idx\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`loyalty_ledger_account_idx\` ON \`loyalty_ledger\` (\`account\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_kind_idx\` ON \`loyalty_ledger\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_source_collection_idx\` ON \`loyalty_ledger\` (\`source_collection\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_object_collection_idx\` ON \`loyalty_activities\` (\`object_collection\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_collection_idx\` ON \`loyalty_progress\` (\`collection\`);`)
}
