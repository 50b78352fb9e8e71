CREATE TABLE `plan_members` (
	`plan_id` integer NOT NULL,
	`profile_id` integer NOT NULL,
	`position` integer NOT NULL,
	`portion` real NOT NULL,
	PRIMARY KEY(`plan_id`, `profile_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_members_profile_idx` ON `plan_members` (`profile_id`);