import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`loyalty_ledger\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`account\` text NOT NULL,
  	\`member_id\` integer,
  	\`organisation_id\` integer,
  	\`kind\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`qualifying_amount\` numeric NOT NULL,
  	\`reason\` text NOT NULL,
  	\`rule_id\` integer,
  	\`promotion_id\` integer,
  	\`source_collection\` text,
  	\`source_id\` text,
  	\`source_title\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`expires_at\` text,
  	\`reverses_id\` integer,
  	\`breakdown\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`rule_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`promotion_id\`) REFERENCES \`loyalty_promotions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reverses_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_account_idx\` ON \`loyalty_ledger\` (\`account\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_member_idx\` ON \`loyalty_ledger\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_organisation_idx\` ON \`loyalty_ledger\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_kind_idx\` ON \`loyalty_ledger\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rule_idx\` ON \`loyalty_ledger\` (\`rule_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_promotion_idx\` ON \`loyalty_ledger\` (\`promotion_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_source_collection_idx\` ON \`loyalty_ledger\` (\`source_collection\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_source_id_idx\` ON \`loyalty_ledger\` (\`source_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_ledger_idempotency_key_idx\` ON \`loyalty_ledger\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_expires_at_idx\` ON \`loyalty_ledger\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_reverses_idx\` ON \`loyalty_ledger\` (\`reverses_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_updated_at_idx\` ON \`loyalty_ledger\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_created_at_idx\` ON \`loyalty_ledger\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_ledger_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`members_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rels_order_idx\` ON \`loyalty_ledger_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rels_parent_idx\` ON \`loyalty_ledger_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rels_path_idx\` ON \`loyalty_ledger_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rels_users_id_idx\` ON \`loyalty_ledger_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_ledger_rels_members_id_idx\` ON \`loyalty_ledger_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_activities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`verb\` text NOT NULL,
  	\`object_collection\` text,
  	\`object_id\` text,
  	\`object_title\` text,
  	\`details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_activities_member_idx\` ON \`loyalty_activities\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_verb_idx\` ON \`loyalty_activities\` (\`verb\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_object_collection_idx\` ON \`loyalty_activities\` (\`object_collection\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_object_id_idx\` ON \`loyalty_activities\` (\`object_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_updated_at_idx\` ON \`loyalty_activities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_activities_created_at_idx\` ON \`loyalty_activities\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_progress\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`item\` text NOT NULL,
  	\`started_at\` text,
  	\`completed_at\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`score_percent\` numeric,
  	\`certificate_code\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_progress_key_idx\` ON \`loyalty_progress\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_member_idx\` ON \`loyalty_progress\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_collection_idx\` ON \`loyalty_progress\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_document_id_idx\` ON \`loyalty_progress\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_completed_at_idx\` ON \`loyalty_progress\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_certificate_code_idx\` ON \`loyalty_progress\` (\`certificate_code\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_updated_at_idx\` ON \`loyalty_progress\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_progress_created_at_idx\` ON \`loyalty_progress\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_earning_rules_role_overrides\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`job_role\` text NOT NULL,
  	\`points\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_role_overrides_order_idx\` ON \`loyalty_earning_rules_role_overrides\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_role_overrides_parent_id_idx\` ON \`loyalty_earning_rules_role_overrides\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_earning_rules_caps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`period\` text NOT NULL,
  	\`max_points\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_caps_order_idx\` ON \`loyalty_earning_rules_caps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_caps_parent_id_idx\` ON \`loyalty_earning_rules_caps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_earning_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`verb\` text NOT NULL,
  	\`points\` numeric NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`filter_collection\` text,
  	\`filter_document_id\` text,
  	\`filter_tag\` text,
  	\`active_from\` text,
  	\`active_until\` text,
  	\`credits_organisation\` integer DEFAULT true,
  	\`organisation_share_percent\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_verb_idx\` ON \`loyalty_earning_rules\` (\`verb\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_updated_at_idx\` ON \`loyalty_earning_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_earning_rules_created_at_idx\` ON \`loyalty_earning_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_promotions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`multiplier\` numeric NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`starts_at\` text NOT NULL,
  	\`ends_at\` text NOT NULL,
  	\`target\` text DEFAULT 'all' NOT NULL,
  	\`collection\` text,
  	\`document_id\` text,
  	\`tag\` text,
  	\`job_role\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_promotions_starts_at_idx\` ON \`loyalty_promotions\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_promotions_ends_at_idx\` ON \`loyalty_promotions\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_promotions_updated_at_idx\` ON \`loyalty_promotions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_promotions_created_at_idx\` ON \`loyalty_promotions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_tier_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`account\` text NOT NULL,
  	\`member_id\` integer,
  	\`organisation_id\` integer,
  	\`change\` text NOT NULL,
  	\`from_tier_id\` integer,
  	\`to_tier_id\` integer,
  	\`reason\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`from_tier_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`to_tier_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_member_idx\` ON \`loyalty_tier_changes\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_organisation_idx\` ON \`loyalty_tier_changes\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_from_tier_idx\` ON \`loyalty_tier_changes\` (\`from_tier_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_to_tier_idx\` ON \`loyalty_tier_changes\` (\`to_tier_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_updated_at_idx\` ON \`loyalty_tier_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_tier_changes_created_at_idx\` ON \`loyalty_tier_changes\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_ledger_id\` integer REFERENCES loyalty_ledger(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_activities_id\` integer REFERENCES loyalty_activities(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_progress_id\` integer REFERENCES loyalty_progress(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_earning_rules_id\` integer REFERENCES loyalty_earning_rules(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_promotions_id\` integer REFERENCES loyalty_promotions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_tier_changes_id\` integer REFERENCES loyalty_tier_changes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_ledger_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_ledger_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_activities_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_activities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_earning_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_earning_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_promotions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_promotions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_tier_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_tier_changes_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`loyalty_ledger\`;`)
  await db.run(sql`DROP TABLE \`loyalty_ledger_rels\`;`)
  await db.run(sql`DROP TABLE \`loyalty_activities\`;`)
  await db.run(sql`DROP TABLE \`loyalty_progress\`;`)
  await db.run(sql`DROP TABLE \`loyalty_earning_rules_role_overrides\`;`)
  await db.run(sql`DROP TABLE \`loyalty_earning_rules_caps\`;`)
  await db.run(sql`DROP TABLE \`loyalty_earning_rules\`;`)
  await db.run(sql`DROP TABLE \`loyalty_promotions\`;`)
  await db.run(sql`DROP TABLE \`loyalty_tier_changes\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`courses_id\` integer,
  	\`case_studies_id\` integer,
  	\`events_id\` integer,
  	\`media_id\` integer,
  	\`club_tiers_id\` integer,
  	\`partners_id\` integer,
  	\`members_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`club_tiers_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id") SELECT "id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courses_id_idx\` ON \`payload_locked_documents_rels\` (\`courses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_studies_id_idx\` ON \`payload_locked_documents_rels\` (\`case_studies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_club_tiers_id_idx\` ON \`payload_locked_documents_rels\` (\`club_tiers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
