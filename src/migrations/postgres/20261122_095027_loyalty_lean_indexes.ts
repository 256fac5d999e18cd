import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "loyalty_ledger_account_idx";
  DROP INDEX "loyalty_ledger_kind_idx";
  DROP INDEX "loyalty_ledger_source_collection_idx";
  DROP INDEX "loyalty_activities_object_collection_idx";
  DROP INDEX "loyalty_progress_collection_idx";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "loyalty_ledger_account_idx" ON "loyalty_ledger" USING btree ("account");
  CREATE INDEX "loyalty_ledger_kind_idx" ON "loyalty_ledger" USING btree ("kind");
  CREATE INDEX "loyalty_ledger_source_collection_idx" ON "loyalty_ledger" USING btree ("source_collection");
  CREATE INDEX "loyalty_activities_object_collection_idx" ON "loyalty_activities" USING btree ("object_collection");
  CREATE INDEX "loyalty_progress_collection_idx" ON "loyalty_progress" USING btree ("collection");`)
}
