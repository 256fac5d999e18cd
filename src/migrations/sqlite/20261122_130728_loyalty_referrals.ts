import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`loyalty_invitations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`name\` text,
  	\`inviter_id\` integer NOT NULL,
  	\`organisation_id\` integer NOT NULL,
  	\`job_role\` text NOT NULL,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`expires_at\` text,
  	\`token_hash\` text NOT NULL,
  	\`open_key\` text,
  	\`accepted_at\` text,
  	\`accepted_member_id\` integer,
  	\`rewarded_at\` text,
  	\`revoked_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`inviter_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`accepted_member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_email_idx\` ON \`loyalty_invitations\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_inviter_idx\` ON \`loyalty_invitations\` (\`inviter_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_organisation_idx\` ON \`loyalty_invitations\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_status_idx\` ON \`loyalty_invitations\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_invitations_token_hash_idx\` ON \`loyalty_invitations\` (\`token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_invitations_open_key_idx\` ON \`loyalty_invitations\` (\`open_key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_accepted_member_idx\` ON \`loyalty_invitations\` (\`accepted_member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_updated_at_idx\` ON \`loyalty_invitations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_invitations_created_at_idx\` ON \`loyalty_invitations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_leads\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`company\` text NOT NULL,
  	\`contact_name\` text NOT NULL,
  	\`contact_email\` text NOT NULL,
  	\`note\` text,
  	\`title\` text,
  	\`referrer_id\` integer NOT NULL,
  	\`organisation_id\` integer,
  	\`staff_notes\` text,
  	\`qualified_at\` text,
  	\`converted_at\` text,
  	\`rejected_at\` text,
  	\`decided_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`referrer_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_leads_status_idx\` ON \`loyalty_leads\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_leads_referrer_idx\` ON \`loyalty_leads\` (\`referrer_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_leads_organisation_idx\` ON \`loyalty_leads\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_leads_decided_by_idx\` ON \`loyalty_leads\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_leads_updated_at_idx\` ON \`loyalty_leads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_leads_created_at_idx\` ON \`loyalty_leads\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_invitations_id\` integer REFERENCES loyalty_invitations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_leads_id\` integer REFERENCES loyalty_leads(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_leads_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_leads_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`loyalty_invitations\`;`)
  await db.run(sql`DROP TABLE \`loyalty_leads\`;`)
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
  	\`loyalty_registrations_id\` integer,
  	\`loyalty_rewards_id\` integer,
  	\`loyalty_redemptions_id\` integer,
  	\`loyalty_earning_rules_id\` integer,
  	\`loyalty_promotions_id\` integer,
  	\`loyalty_tier_changes_id\` integer,
  	\`loyalty_moves_id\` integer,
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
  	FOREIGN KEY (\`loyalty_registrations_id\`) REFERENCES \`loyalty_registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_rewards_id\`) REFERENCES \`loyalty_rewards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_redemptions_id\`) REFERENCES \`loyalty_redemptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_earning_rules_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_promotions_id\`) REFERENCES \`loyalty_promotions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_tier_changes_id\`) REFERENCES \`loyalty_tier_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_moves_id\`) REFERENCES \`loyalty_moves\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id") SELECT "id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_rewards_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_rewards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_redemptions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_redemptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_earning_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_earning_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_promotions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_promotions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_tier_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_tier_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_moves_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_moves_id\`);`)
}
