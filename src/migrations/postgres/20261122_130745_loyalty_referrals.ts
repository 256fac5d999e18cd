import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_invitations_job_role" AS ENUM('management', 'sales', 'engineer', 'purchasing', 'technician');
  CREATE TYPE "public"."enum_loyalty_invitations_status" AS ENUM('open', 'accepted', 'revoked', 'expired');
  CREATE TYPE "public"."enum_loyalty_leads_status" AS ENUM('new', 'qualified', 'converted', 'rejected');
  ALTER TYPE "public"."enum_loyalty_activities_verb" ADD VALUE 'referral.joined';
  ALTER TYPE "public"."enum_loyalty_activities_verb" ADD VALUE 'referral.lead-converted';
  ALTER TYPE "public"."enum_loyalty_earning_rules_verb" ADD VALUE 'referral.joined';
  ALTER TYPE "public"."enum_loyalty_earning_rules_verb" ADD VALUE 'referral.lead-converted';
  CREATE TABLE "loyalty_invitations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"name" varchar,
  	"inviter_id" integer NOT NULL,
  	"organisation_id" integer NOT NULL,
  	"job_role" "enum_loyalty_invitations_job_role" NOT NULL,
  	"status" "enum_loyalty_invitations_status" DEFAULT 'open' NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"token_hash" varchar NOT NULL,
  	"open_key" varchar,
  	"accepted_at" timestamp(3) with time zone,
  	"accepted_member_id" integer,
  	"rewarded_at" timestamp(3) with time zone,
  	"revoked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_leads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"status" "enum_loyalty_leads_status" DEFAULT 'new' NOT NULL,
  	"company" varchar NOT NULL,
  	"contact_name" varchar NOT NULL,
  	"contact_email" varchar NOT NULL,
  	"note" varchar,
  	"title" varchar,
  	"referrer_id" integer NOT NULL,
  	"organisation_id" integer,
  	"staff_notes" varchar,
  	"qualified_at" timestamp(3) with time zone,
  	"converted_at" timestamp(3) with time zone,
  	"rejected_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_invitations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_leads_id" integer;
  ALTER TABLE "loyalty_invitations" ADD CONSTRAINT "loyalty_invitations_inviter_id_members_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_invitations" ADD CONSTRAINT "loyalty_invitations_organisation_id_partners_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_invitations" ADD CONSTRAINT "loyalty_invitations_accepted_member_id_members_id_fk" FOREIGN KEY ("accepted_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_leads" ADD CONSTRAINT "loyalty_leads_referrer_id_members_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_leads" ADD CONSTRAINT "loyalty_leads_organisation_id_partners_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_leads" ADD CONSTRAINT "loyalty_leads_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "loyalty_invitations_email_idx" ON "loyalty_invitations" USING btree ("email");
  CREATE INDEX "loyalty_invitations_inviter_idx" ON "loyalty_invitations" USING btree ("inviter_id");
  CREATE INDEX "loyalty_invitations_organisation_idx" ON "loyalty_invitations" USING btree ("organisation_id");
  CREATE INDEX "loyalty_invitations_status_idx" ON "loyalty_invitations" USING btree ("status");
  CREATE UNIQUE INDEX "loyalty_invitations_token_hash_idx" ON "loyalty_invitations" USING btree ("token_hash");
  CREATE UNIQUE INDEX "loyalty_invitations_open_key_idx" ON "loyalty_invitations" USING btree ("open_key");
  CREATE INDEX "loyalty_invitations_accepted_member_idx" ON "loyalty_invitations" USING btree ("accepted_member_id");
  CREATE INDEX "loyalty_invitations_updated_at_idx" ON "loyalty_invitations" USING btree ("updated_at");
  CREATE INDEX "loyalty_invitations_created_at_idx" ON "loyalty_invitations" USING btree ("created_at");
  CREATE INDEX "loyalty_leads_status_idx" ON "loyalty_leads" USING btree ("status");
  CREATE INDEX "loyalty_leads_referrer_idx" ON "loyalty_leads" USING btree ("referrer_id");
  CREATE INDEX "loyalty_leads_organisation_idx" ON "loyalty_leads" USING btree ("organisation_id");
  CREATE INDEX "loyalty_leads_decided_by_idx" ON "loyalty_leads" USING btree ("decided_by_id");
  CREATE INDEX "loyalty_leads_updated_at_idx" ON "loyalty_leads" USING btree ("updated_at");
  CREATE INDEX "loyalty_leads_created_at_idx" ON "loyalty_leads" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_invitations_fk" FOREIGN KEY ("loyalty_invitations_id") REFERENCES "public"."loyalty_invitations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_leads_fk" FOREIGN KEY ("loyalty_leads_id") REFERENCES "public"."loyalty_leads"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_invitations_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_invitations_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_leads_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_leads_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_invitations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_leads" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_invitations" CASCADE;
  DROP TABLE "loyalty_leads" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_invitations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_leads_fk";
  
  ALTER TABLE "loyalty_activities" ALTER COLUMN "verb" SET DATA TYPE text;
  DROP TYPE "public"."enum_loyalty_activities_verb";
  CREATE TYPE "public"."enum_loyalty_activities_verb" AS ENUM('lesson.started', 'lesson.completed', 'course.completed', 'quiz.passed', 'quiz.failed', 'case-study.opened', 'case-study.read', 'event.registered', 'event.cancelled', 'event.attended', 'feedback.given', 'referral.accepted');
  ALTER TABLE "loyalty_activities" ALTER COLUMN "verb" SET DATA TYPE "public"."enum_loyalty_activities_verb" USING "verb"::"public"."enum_loyalty_activities_verb";
  ALTER TABLE "loyalty_earning_rules" ALTER COLUMN "verb" SET DATA TYPE text;
  DROP TYPE "public"."enum_loyalty_earning_rules_verb";
  CREATE TYPE "public"."enum_loyalty_earning_rules_verb" AS ENUM('lesson.started', 'lesson.completed', 'course.completed', 'quiz.passed', 'quiz.failed', 'case-study.opened', 'case-study.read', 'event.registered', 'event.cancelled', 'event.attended', 'feedback.given', 'referral.accepted');
  ALTER TABLE "loyalty_earning_rules" ALTER COLUMN "verb" SET DATA TYPE "public"."enum_loyalty_earning_rules_verb" USING "verb"::"public"."enum_loyalty_earning_rules_verb";
  DROP INDEX "payload_locked_documents_rels_loyalty_invitations_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_leads_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_invitations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_leads_id";
  DROP TYPE "public"."enum_loyalty_invitations_job_role";
  DROP TYPE "public"."enum_loyalty_invitations_status";
  DROP TYPE "public"."enum_loyalty_leads_status";`)
}
