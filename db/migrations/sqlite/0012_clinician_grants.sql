CREATE TABLE `clinician_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`clinician_user_id` text NOT NULL,
	`what` text NOT NULL,
	`plan_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `clinician_access_log_profile_idx` ON `clinician_access_log` (`profile_id`,`at`);--> statement-breakpoint
CREATE TABLE `clinician_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`email` text,
	`created_by` text NOT NULL,
	`clinician_user_id` text,
	`link_expires_at` text NOT NULL,
	`access_expires_at` text NOT NULL,
	`accepted_at` text,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clinician_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clinician_grants_hash_idx` ON `clinician_grants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `clinician_grants_profile_idx` ON `clinician_grants` (`profile_id`);--> statement-breakpoint
CREATE INDEX `clinician_grants_clinician_idx` ON `clinician_grants` (`clinician_user_id`);