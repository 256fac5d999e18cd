import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_ledger_account" AS ENUM('member', 'organisation');
  CREATE TYPE "public"."enum_loyalty_ledger_kind" AS ENUM('earn', 'redeem', 'refund', 'expire', 'reverse', 'adjust');
  CREATE TYPE "public"."enum_loyalty_activities_verb" AS ENUM('lesson.started', 'lesson.completed', 'course.completed', 'quiz.passed', 'quiz.failed', 'case-study.opened', 'case-study.read', 'event.registered', 'event.cancelled', 'event.attended', 'feedback.given', 'referral.accepted');
  CREATE TYPE "public"."enum_loyalty_earning_rules_role_overrides_job_role" AS ENUM('management', 'sales', 'engineer', 'purchasing', 'technician');
  CREATE TYPE "public"."enum_loyalty_earning_rules_caps_period" AS ENUM('day', 'week', 'month', 'total');
  CREATE TYPE "public"."enum_loyalty_earning_rules_verb" AS ENUM('lesson.started', 'lesson.completed', 'course.completed', 'quiz.passed', 'quiz.failed', 'case-study.opened', 'case-study.read', 'event.registered', 'event.cancelled', 'event.attended', 'feedback.given', 'referral.accepted');
  CREATE TYPE "public"."enum_loyalty_earning_rules_filter_collection" AS ENUM('courses', 'case-studies', 'events');
  CREATE TYPE "public"."enum_loyalty_promotions_target" AS ENUM('all', 'tag', 'document', 'jobRole');
  CREATE TYPE "public"."enum_loyalty_promotions_collection" AS ENUM('courses', 'case-studies', 'events');
  CREATE TYPE "public"."enum_loyalty_promotions_job_role" AS ENUM('management', 'sales', 'engineer', 'purchasing', 'technician');
  CREATE TYPE "public"."enum_loyalty_tier_changes_account" AS ENUM('member', 'organisation');
  CREATE TYPE "public"."enum_loyalty_tier_changes_change" AS ENUM('upgrade', 'downgrade', 'none');
  CREATE TABLE "loyalty_ledger" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"account" "enum_loyalty_ledger_account" NOT NULL,
  	"member_id" integer,
  	"organisation_id" integer,
  	"kind" "enum_loyalty_ledger_kind" NOT NULL,
  	"amount" numeric NOT NULL,
  	"qualifying_amount" numeric NOT NULL,
  	"reason" varchar NOT NULL,
  	"rule_id" integer,
  	"promotion_id" integer,
  	"source_collection" varchar,
  	"source_id" varchar,
  	"source_title" varchar,
  	"idempotency_key" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"reverses_id" integer,
  	"breakdown" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_ledger_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"members_id" integer
  );
  
  CREATE TABLE "loyalty_activities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer NOT NULL,
  	"verb" "enum_loyalty_activities_verb" NOT NULL,
  	"object_collection" varchar,
  	"object_id" varchar,
  	"object_title" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_progress" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"member_id" integer NOT NULL,
  	"collection" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"item" varchar NOT NULL,
  	"started_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"score_percent" numeric,
  	"certificate_code" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_earning_rules_role_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"job_role" "enum_loyalty_earning_rules_role_overrides_job_role" NOT NULL,
  	"points" numeric NOT NULL
  );
  
  CREATE TABLE "loyalty_earning_rules_caps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"period" "enum_loyalty_earning_rules_caps_period" NOT NULL,
  	"max_points" numeric NOT NULL
  );
  
  CREATE TABLE "loyalty_earning_rules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"verb" "enum_loyalty_earning_rules_verb" NOT NULL,
  	"points" numeric NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"filter_collection" "enum_loyalty_earning_rules_filter_collection",
  	"filter_document_id" varchar,
  	"filter_tag" varchar,
  	"active_from" timestamp(3) with time zone,
  	"active_until" timestamp(3) with time zone,
  	"credits_organisation" boolean DEFAULT true,
  	"organisation_share_percent" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_promotions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"multiplier" numeric NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone NOT NULL,
  	"target" "enum_loyalty_promotions_target" DEFAULT 'all' NOT NULL,
  	"collection" "enum_loyalty_promotions_collection",
  	"document_id" varchar,
  	"tag" varchar,
  	"job_role" "enum_loyalty_promotions_job_role",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_tier_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"account" "enum_loyalty_tier_changes_account" NOT NULL,
  	"member_id" integer,
  	"organisation_id" integer,
  	"change" "enum_loyalty_tier_changes_change" NOT NULL,
  	"from_tier_id" integer,
  	"to_tier_id" integer,
  	"reason" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_ledger_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_activities_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_progress_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_earning_rules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_promotions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_tier_changes_id" integer;
  ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_organisation_id_partners_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_rule_id_loyalty_earning_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."loyalty_earning_rules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_promotion_id_loyalty_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."loyalty_promotions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_ledger" ADD CONSTRAINT "loyalty_ledger_reverses_id_loyalty_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."loyalty_ledger"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_ledger_rels" ADD CONSTRAINT "loyalty_ledger_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."loyalty_ledger"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_ledger_rels" ADD CONSTRAINT "loyalty_ledger_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_ledger_rels" ADD CONSTRAINT "loyalty_ledger_rels_members_fk" FOREIGN KEY ("members_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_activities" ADD CONSTRAINT "loyalty_activities_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_progress" ADD CONSTRAINT "loyalty_progress_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_earning_rules_role_overrides" ADD CONSTRAINT "loyalty_earning_rules_role_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."loyalty_earning_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_earning_rules_caps" ADD CONSTRAINT "loyalty_earning_rules_caps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."loyalty_earning_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_tier_changes" ADD CONSTRAINT "loyalty_tier_changes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_tier_changes" ADD CONSTRAINT "loyalty_tier_changes_organisation_id_partners_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_tier_changes" ADD CONSTRAINT "loyalty_tier_changes_from_tier_id_club_tiers_id_fk" FOREIGN KEY ("from_tier_id") REFERENCES "public"."club_tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_tier_changes" ADD CONSTRAINT "loyalty_tier_changes_to_tier_id_club_tiers_id_fk" FOREIGN KEY ("to_tier_id") REFERENCES "public"."club_tiers"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "loyalty_ledger_account_idx" ON "loyalty_ledger" USING btree ("account");
  CREATE INDEX "loyalty_ledger_member_idx" ON "loyalty_ledger" USING btree ("member_id");
  CREATE INDEX "loyalty_ledger_organisation_idx" ON "loyalty_ledger" USING btree ("organisation_id");
  CREATE INDEX "loyalty_ledger_kind_idx" ON "loyalty_ledger" USING btree ("kind");
  CREATE INDEX "loyalty_ledger_rule_idx" ON "loyalty_ledger" USING btree ("rule_id");
  CREATE INDEX "loyalty_ledger_promotion_idx" ON "loyalty_ledger" USING btree ("promotion_id");
  CREATE INDEX "loyalty_ledger_source_collection_idx" ON "loyalty_ledger" USING btree ("source_collection");
  CREATE INDEX "loyalty_ledger_source_id_idx" ON "loyalty_ledger" USING btree ("source_id");
  CREATE UNIQUE INDEX "loyalty_ledger_idempotency_key_idx" ON "loyalty_ledger" USING btree ("idempotency_key");
  CREATE INDEX "loyalty_ledger_expires_at_idx" ON "loyalty_ledger" USING btree ("expires_at");
  CREATE INDEX "loyalty_ledger_reverses_idx" ON "loyalty_ledger" USING btree ("reverses_id");
  CREATE INDEX "loyalty_ledger_updated_at_idx" ON "loyalty_ledger" USING btree ("updated_at");
  CREATE INDEX "loyalty_ledger_created_at_idx" ON "loyalty_ledger" USING btree ("created_at");
  CREATE INDEX "loyalty_ledger_rels_order_idx" ON "loyalty_ledger_rels" USING btree ("order");
  CREATE INDEX "loyalty_ledger_rels_parent_idx" ON "loyalty_ledger_rels" USING btree ("parent_id");
  CREATE INDEX "loyalty_ledger_rels_path_idx" ON "loyalty_ledger_rels" USING btree ("path");
  CREATE INDEX "loyalty_ledger_rels_users_id_idx" ON "loyalty_ledger_rels" USING btree ("users_id");
  CREATE INDEX "loyalty_ledger_rels_members_id_idx" ON "loyalty_ledger_rels" USING btree ("members_id");
  CREATE INDEX "loyalty_activities_member_idx" ON "loyalty_activities" USING btree ("member_id");
  CREATE INDEX "loyalty_activities_verb_idx" ON "loyalty_activities" USING btree ("verb");
  CREATE INDEX "loyalty_activities_object_collection_idx" ON "loyalty_activities" USING btree ("object_collection");
  CREATE INDEX "loyalty_activities_object_id_idx" ON "loyalty_activities" USING btree ("object_id");
  CREATE INDEX "loyalty_activities_updated_at_idx" ON "loyalty_activities" USING btree ("updated_at");
  CREATE INDEX "loyalty_activities_created_at_idx" ON "loyalty_activities" USING btree ("created_at");
  CREATE UNIQUE INDEX "loyalty_progress_key_idx" ON "loyalty_progress" USING btree ("key");
  CREATE INDEX "loyalty_progress_member_idx" ON "loyalty_progress" USING btree ("member_id");
  CREATE INDEX "loyalty_progress_collection_idx" ON "loyalty_progress" USING btree ("collection");
  CREATE INDEX "loyalty_progress_document_id_idx" ON "loyalty_progress" USING btree ("document_id");
  CREATE INDEX "loyalty_progress_completed_at_idx" ON "loyalty_progress" USING btree ("completed_at");
  CREATE INDEX "loyalty_progress_certificate_code_idx" ON "loyalty_progress" USING btree ("certificate_code");
  CREATE INDEX "loyalty_progress_updated_at_idx" ON "loyalty_progress" USING btree ("updated_at");
  CREATE INDEX "loyalty_progress_created_at_idx" ON "loyalty_progress" USING btree ("created_at");
  CREATE INDEX "loyalty_earning_rules_role_overrides_order_idx" ON "loyalty_earning_rules_role_overrides" USING btree ("_order");
  CREATE INDEX "loyalty_earning_rules_role_overrides_parent_id_idx" ON "loyalty_earning_rules_role_overrides" USING btree ("_parent_id");
  CREATE INDEX "loyalty_earning_rules_caps_order_idx" ON "loyalty_earning_rules_caps" USING btree ("_order");
  CREATE INDEX "loyalty_earning_rules_caps_parent_id_idx" ON "loyalty_earning_rules_caps" USING btree ("_parent_id");
  CREATE INDEX "loyalty_earning_rules_verb_idx" ON "loyalty_earning_rules" USING btree ("verb");
  CREATE INDEX "loyalty_earning_rules_updated_at_idx" ON "loyalty_earning_rules" USING btree ("updated_at");
  CREATE INDEX "loyalty_earning_rules_created_at_idx" ON "loyalty_earning_rules" USING btree ("created_at");
  CREATE INDEX "loyalty_promotions_starts_at_idx" ON "loyalty_promotions" USING btree ("starts_at");
  CREATE INDEX "loyalty_promotions_ends_at_idx" ON "loyalty_promotions" USING btree ("ends_at");
  CREATE INDEX "loyalty_promotions_updated_at_idx" ON "loyalty_promotions" USING btree ("updated_at");
  CREATE INDEX "loyalty_promotions_created_at_idx" ON "loyalty_promotions" USING btree ("created_at");
  CREATE INDEX "loyalty_tier_changes_member_idx" ON "loyalty_tier_changes" USING btree ("member_id");
  CREATE INDEX "loyalty_tier_changes_organisation_idx" ON "loyalty_tier_changes" USING btree ("organisation_id");
  CREATE INDEX "loyalty_tier_changes_from_tier_idx" ON "loyalty_tier_changes" USING btree ("from_tier_id");
  CREATE INDEX "loyalty_tier_changes_to_tier_idx" ON "loyalty_tier_changes" USING btree ("to_tier_id");
  CREATE INDEX "loyalty_tier_changes_updated_at_idx" ON "loyalty_tier_changes" USING btree ("updated_at");
  CREATE INDEX "loyalty_tier_changes_created_at_idx" ON "loyalty_tier_changes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_ledger_fk" FOREIGN KEY ("loyalty_ledger_id") REFERENCES "public"."loyalty_ledger"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_activities_fk" FOREIGN KEY ("loyalty_activities_id") REFERENCES "public"."loyalty_activities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_progress_fk" FOREIGN KEY ("loyalty_progress_id") REFERENCES "public"."loyalty_progress"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_earning_rules_fk" FOREIGN KEY ("loyalty_earning_rules_id") REFERENCES "public"."loyalty_earning_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_promotions_fk" FOREIGN KEY ("loyalty_promotions_id") REFERENCES "public"."loyalty_promotions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_tier_changes_fk" FOREIGN KEY ("loyalty_tier_changes_id") REFERENCES "public"."loyalty_tier_changes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_ledger_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_ledger_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_activities_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_activities_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_progress_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_progress_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_earning_rules_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_earning_rules_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_promotions_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_promotions_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_tier_changes_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_tier_changes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_ledger" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_ledger_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_activities" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_progress" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_earning_rules_role_overrides" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_earning_rules_caps" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_earning_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_promotions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_tier_changes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_ledger" CASCADE;
  DROP TABLE "loyalty_ledger_rels" CASCADE;
  DROP TABLE "loyalty_activities" CASCADE;
  DROP TABLE "loyalty_progress" CASCADE;
  DROP TABLE "loyalty_earning_rules_role_overrides" CASCADE;
  DROP TABLE "loyalty_earning_rules_caps" CASCADE;
  DROP TABLE "loyalty_earning_rules" CASCADE;
  DROP TABLE "loyalty_promotions" CASCADE;
  DROP TABLE "loyalty_tier_changes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_ledger_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_activities_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_progress_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_earning_rules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_promotions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_tier_changes_fk";
  
  DROP INDEX "payload_locked_documents_rels_loyalty_ledger_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_activities_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_progress_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_earning_rules_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_promotions_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_tier_changes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_ledger_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_activities_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_progress_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_earning_rules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_promotions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_tier_changes_id";
  DROP TYPE "public"."enum_loyalty_ledger_account";
  DROP TYPE "public"."enum_loyalty_ledger_kind";
  DROP TYPE "public"."enum_loyalty_activities_verb";
  DROP TYPE "public"."enum_loyalty_earning_rules_role_overrides_job_role";
  DROP TYPE "public"."enum_loyalty_earning_rules_caps_period";
  DROP TYPE "public"."enum_loyalty_earning_rules_verb";
  DROP TYPE "public"."enum_loyalty_earning_rules_filter_collection";
  DROP TYPE "public"."enum_loyalty_promotions_target";
  DROP TYPE "public"."enum_loyalty_promotions_collection";
  DROP TYPE "public"."enum_loyalty_promotions_job_role";
  DROP TYPE "public"."enum_loyalty_tier_changes_account";
  DROP TYPE "public"."enum_loyalty_tier_changes_change";`)
}
