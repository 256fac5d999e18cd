import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`loyalty_registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`registered_at\` text,
  	\`attended_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_registrations_key_idx\` ON \`loyalty_registrations\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_registrations_member_idx\` ON \`loyalty_registrations\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_registrations_event_id_idx\` ON \`loyalty_registrations\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_registrations_status_idx\` ON \`loyalty_registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_registrations_updated_at_idx\` ON \`loyalty_registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_registrations_created_at_idx\` ON \`loyalty_registrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_rewards\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`image_id\` integer,
  	\`cost\` numeric NOT NULL,
  	\`stock\` numeric,
  	\`per_member_limit\` numeric,
  	\`minimum_tier_id\` integer,
  	\`requires_manager_approval\` integer DEFAULT false,
  	\`active_from\` text,
  	\`active_until\` text,
  	\`enabled\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`minimum_tier_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_rewards_image_idx\` ON \`loyalty_rewards\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_rewards_minimum_tier_idx\` ON \`loyalty_rewards\` (\`minimum_tier_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_rewards_updated_at_idx\` ON \`loyalty_rewards\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_rewards_created_at_idx\` ON \`loyalty_rewards\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_redemptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`organisation_id\` integer,
  	\`reward_id\` integer NOT NULL,
  	\`reward_title\` text,
  	\`points\` numeric NOT NULL,
  	\`status\` text NOT NULL,
  	\`limit_key\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`decided_at\` text,
  	\`notes\` text,
  	\`redeem_entry_id\` integer,
  	\`refund_entry_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reward_id\`) REFERENCES \`loyalty_rewards\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`redeem_entry_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`refund_entry_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_member_idx\` ON \`loyalty_redemptions\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_organisation_idx\` ON \`loyalty_redemptions\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_reward_idx\` ON \`loyalty_redemptions\` (\`reward_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_status_idx\` ON \`loyalty_redemptions\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_redemptions_limit_key_idx\` ON \`loyalty_redemptions\` (\`limit_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_redemptions_idempotency_key_idx\` ON \`loyalty_redemptions\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_redeem_entry_idx\` ON \`loyalty_redemptions\` (\`redeem_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_refund_entry_idx\` ON \`loyalty_redemptions\` (\`refund_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_updated_at_idx\` ON \`loyalty_redemptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_created_at_idx\` ON \`loyalty_redemptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_redemptions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`members_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`loyalty_redemptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_rels_order_idx\` ON \`loyalty_redemptions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_rels_parent_idx\` ON \`loyalty_redemptions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_rels_path_idx\` ON \`loyalty_redemptions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_rels_users_id_idx\` ON \`loyalty_redemptions_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_redemptions_rels_members_id_idx\` ON \`loyalty_redemptions_rels\` (\`members_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_registrations_id\` integer REFERENCES loyalty_registrations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_rewards_id\` integer REFERENCES loyalty_rewards(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_redemptions_id\` integer REFERENCES loyalty_redemptions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_rewards_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_rewards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_redemptions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_redemptions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`loyalty_registrations\`;`)
  await db.run(sql`DROP TABLE \`loyalty_rewards\`;`)
  await db.run(sql`DROP TABLE \`loyalty_redemptions\`;`)
  await db.run(sql`DROP TABLE \`loyalty_redemptions_rels\`;`)
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
  	\`loyalty_ledger_id\` integer,
  	\`loyalty_activities_id\` integer,
  	\`loyalty_progress_id\` integer,
  	\`loyalty_earning_rules_id\` integer,
  	\`loyalty_promotions_id\` integer,
  	\`loyalty_tier_changes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`club_tiers_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_ledger_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_activities_id\`) REFERENCES \`loyalty_activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_progress_id\`) REFERENCES \`loyalty_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_earning_rules_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_promotions_id\`) REFERENCES \`loyalty_promotions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_tier_changes_id\`) REFERENCES \`loyalty_tier_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id") SELECT "id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_ledger_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_ledger_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_activities_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_activities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_earning_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_earning_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_promotions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_promotions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_tier_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_tier_changes_id\`);`)
}
