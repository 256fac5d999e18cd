import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_registrations_status" AS ENUM('registered', 'waitlisted', 'cancelled', 'attended');
  CREATE TYPE "public"."enum_loyalty_redemptions_status" AS ENUM('requested', 'approved', 'fulfilled', 'rejected', 'cancelled');
  CREATE TABLE "loyalty_registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"member_id" integer NOT NULL,
  	"event_id" varchar NOT NULL,
  	"status" "enum_loyalty_registrations_status" NOT NULL,
  	"registered_at" timestamp(3) with time zone,
  	"attended_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_rewards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"image_id" integer,
  	"cost" numeric NOT NULL,
  	"stock" numeric,
  	"per_member_limit" numeric,
  	"minimum_tier_id" integer,
  	"requires_manager_approval" boolean DEFAULT false,
  	"active_from" timestamp(3) with time zone,
  	"active_until" timestamp(3) with time zone,
  	"enabled" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_redemptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer NOT NULL,
  	"organisation_id" integer,
  	"reward_id" integer NOT NULL,
  	"reward_title" varchar,
  	"points" numeric NOT NULL,
  	"status" "enum_loyalty_redemptions_status" NOT NULL,
  	"limit_key" varchar,
  	"idempotency_key" varchar NOT NULL,
  	"decided_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"redeem_entry_id" integer,
  	"refund_entry_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_redemptions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"members_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_registrations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_rewards_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_redemptions_id" integer;
  ALTER TABLE "loyalty_registrations" ADD CONSTRAINT "loyalty_registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_rewards" ADD CONSTRAINT "loyalty_rewards_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_rewards" ADD CONSTRAINT "loyalty_rewards_minimum_tier_id_club_tiers_id_fk" FOREIGN KEY ("minimum_tier_id") REFERENCES "public"."club_tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_organisation_id_partners_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_reward_id_loyalty_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."loyalty_rewards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_redeem_entry_id_loyalty_ledger_id_fk" FOREIGN KEY ("redeem_entry_id") REFERENCES "public"."loyalty_ledger"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_refund_entry_id_loyalty_ledger_id_fk" FOREIGN KEY ("refund_entry_id") REFERENCES "public"."loyalty_ledger"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions_rels" ADD CONSTRAINT "loyalty_redemptions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."loyalty_redemptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions_rels" ADD CONSTRAINT "loyalty_redemptions_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions_rels" ADD CONSTRAINT "loyalty_redemptions_rels_members_fk" FOREIGN KEY ("members_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "loyalty_registrations_key_idx" ON "loyalty_registrations" USING btree ("key");
  CREATE INDEX "loyalty_registrations_member_idx" ON "loyalty_registrations" USING btree ("member_id");
  CREATE INDEX "loyalty_registrations_event_id_idx" ON "loyalty_registrations" USING btree ("event_id");
  CREATE INDEX "loyalty_registrations_status_idx" ON "loyalty_registrations" USING btree ("status");
  CREATE INDEX "loyalty_registrations_updated_at_idx" ON "loyalty_registrations" USING btree ("updated_at");
  CREATE INDEX "loyalty_registrations_created_at_idx" ON "loyalty_registrations" USING btree ("created_at");
  CREATE INDEX "loyalty_rewards_image_idx" ON "loyalty_rewards" USING btree ("image_id");
  CREATE INDEX "loyalty_rewards_minimum_tier_idx" ON "loyalty_rewards" USING btree ("minimum_tier_id");
  CREATE INDEX "loyalty_rewards_updated_at_idx" ON "loyalty_rewards" USING btree ("updated_at");
  CREATE INDEX "loyalty_rewards_created_at_idx" ON "loyalty_rewards" USING btree ("created_at");
  CREATE INDEX "loyalty_redemptions_member_idx" ON "loyalty_redemptions" USING btree ("member_id");
  CREATE INDEX "loyalty_redemptions_organisation_idx" ON "loyalty_redemptions" USING btree ("organisation_id");
  CREATE INDEX "loyalty_redemptions_reward_idx" ON "loyalty_redemptions" USING btree ("reward_id");
  CREATE INDEX "loyalty_redemptions_status_idx" ON "loyalty_redemptions" USING btree ("status");
  CREATE UNIQUE INDEX "loyalty_redemptions_limit_key_idx" ON "loyalty_redemptions" USING btree ("limit_key");
  CREATE UNIQUE INDEX "loyalty_redemptions_idempotency_key_idx" ON "loyalty_redemptions" USING btree ("idempotency_key");
  CREATE INDEX "loyalty_redemptions_redeem_entry_idx" ON "loyalty_redemptions" USING btree ("redeem_entry_id");
  CREATE INDEX "loyalty_redemptions_refund_entry_idx" ON "loyalty_redemptions" USING btree ("refund_entry_id");
  CREATE INDEX "loyalty_redemptions_updated_at_idx" ON "loyalty_redemptions" USING btree ("updated_at");
  CREATE INDEX "loyalty_redemptions_created_at_idx" ON "loyalty_redemptions" USING btree ("created_at");
  CREATE INDEX "loyalty_redemptions_rels_order_idx" ON "loyalty_redemptions_rels" USING btree ("order");
  CREATE INDEX "loyalty_redemptions_rels_parent_idx" ON "loyalty_redemptions_rels" USING btree ("parent_id");
  CREATE INDEX "loyalty_redemptions_rels_path_idx" ON "loyalty_redemptions_rels" USING btree ("path");
  CREATE INDEX "loyalty_redemptions_rels_users_id_idx" ON "loyalty_redemptions_rels" USING btree ("users_id");
  CREATE INDEX "loyalty_redemptions_rels_members_id_idx" ON "loyalty_redemptions_rels" USING btree ("members_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_registrations_fk" FOREIGN KEY ("loyalty_registrations_id") REFERENCES "public"."loyalty_registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_rewards_fk" FOREIGN KEY ("loyalty_rewards_id") REFERENCES "public"."loyalty_rewards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_redemptions_fk" FOREIGN KEY ("loyalty_redemptions_id") REFERENCES "public"."loyalty_redemptions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_registrations_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_registrations_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_rewards_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_rewards_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_redemptions_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_redemptions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_registrations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_rewards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_redemptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_redemptions_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_registrations" CASCADE;
  DROP TABLE "loyalty_rewards" CASCADE;
  DROP TABLE "loyalty_redemptions" CASCADE;
  DROP TABLE "loyalty_redemptions_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_registrations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_rewards_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_redemptions_fk";
  
  DROP INDEX "payload_locked_documents_rels_loyalty_registrations_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_rewards_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_redemptions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_registrations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_rewards_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_redemptions_id";
  DROP TYPE "public"."enum_loyalty_registrations_status";
  DROP TYPE "public"."enum_loyalty_redemptions_status";`)
}
