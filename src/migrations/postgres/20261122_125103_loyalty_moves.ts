import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_loyalty_ledger_kind" ADD VALUE 'move';
  CREATE TABLE "loyalty_moves" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer NOT NULL,
  	"from_id" integer,
  	"to_id" integer NOT NULL,
  	"actor_id" integer NOT NULL,
  	"reason" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_moves_id" integer;
  ALTER TABLE "loyalty_moves" ADD CONSTRAINT "loyalty_moves_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_moves" ADD CONSTRAINT "loyalty_moves_from_id_partners_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_moves" ADD CONSTRAINT "loyalty_moves_to_id_partners_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_moves" ADD CONSTRAINT "loyalty_moves_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "loyalty_moves_member_idx" ON "loyalty_moves" USING btree ("member_id");
  CREATE INDEX "loyalty_moves_from_idx" ON "loyalty_moves" USING btree ("from_id");
  CREATE INDEX "loyalty_moves_to_idx" ON "loyalty_moves" USING btree ("to_id");
  CREATE INDEX "loyalty_moves_actor_idx" ON "loyalty_moves" USING btree ("actor_id");
  CREATE INDEX "loyalty_moves_updated_at_idx" ON "loyalty_moves" USING btree ("updated_at");
  CREATE INDEX "loyalty_moves_created_at_idx" ON "loyalty_moves" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_moves_fk" FOREIGN KEY ("loyalty_moves_id") REFERENCES "public"."loyalty_moves"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_moves_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_moves_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_moves" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_moves" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_moves_fk";
  
  ALTER TABLE "loyalty_ledger" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_loyalty_ledger_kind";
  CREATE TYPE "public"."enum_loyalty_ledger_kind" AS ENUM('earn', 'redeem', 'refund', 'expire', 'reverse', 'adjust');
  ALTER TABLE "loyalty_ledger" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_loyalty_ledger_kind" USING "kind"::"public"."enum_loyalty_ledger_kind";
  DROP INDEX "payload_locked_documents_rels_loyalty_moves_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_moves_id";`)
}
