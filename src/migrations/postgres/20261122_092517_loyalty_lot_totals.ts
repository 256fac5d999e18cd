import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "partners" ADD COLUMN "loyalty_lots" numeric DEFAULT 0;
  ALTER TABLE "partners" ADD COLUMN "loyalty_due_lots" numeric DEFAULT 0;
  ALTER TABLE "partners" ADD COLUMN "loyalty_due_through" timestamp(3) with time zone;
  ALTER TABLE "members" ADD COLUMN "loyalty_lots" numeric DEFAULT 0;
  ALTER TABLE "members" ADD COLUMN "loyalty_due_lots" numeric DEFAULT 0;
  ALTER TABLE "members" ADD COLUMN "loyalty_due_through" timestamp(3) with time zone;
  CREATE INDEX "member_expiresAt_idx" ON "loyalty_ledger" USING btree ("member_id","expires_at");
  CREATE INDEX "organisation_expiresAt_idx" ON "loyalty_ledger" USING btree ("organisation_id","expires_at");
  CREATE INDEX "member_createdAt_idx" ON "loyalty_ledger" USING btree ("member_id","created_at");`)
  // Existing accounts: every lot point booked so far (positive earn and adjust entries).
  await db.execute(sql`
  UPDATE "members" SET "loyalty_lots" = coalesce((SELECT sum("amount") FROM "loyalty_ledger" l
    WHERE l."account" = 'member' AND l."member_id" = "members"."id" AND l."amount" > 0
      AND l."kind" IN ('earn', 'adjust')), 0);
  UPDATE "partners" SET "loyalty_lots" = coalesce((SELECT sum("amount") FROM "loyalty_ledger" l
    WHERE l."account" = 'organisation' AND l."organisation_id" = "partners"."id" AND l."amount" > 0
      AND l."kind" IN ('earn', 'adjust')), 0);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "member_expiresAt_idx";
  DROP INDEX "organisation_expiresAt_idx";
  DROP INDEX "member_createdAt_idx";
  ALTER TABLE "partners" DROP COLUMN "loyalty_lots";
  ALTER TABLE "partners" DROP COLUMN "loyalty_due_lots";
  ALTER TABLE "partners" DROP COLUMN "loyalty_due_through";
  ALTER TABLE "members" DROP COLUMN "loyalty_lots";
  ALTER TABLE "members" DROP COLUMN "loyalty_due_lots";
  ALTER TABLE "members" DROP COLUMN "loyalty_due_through";`)
}
