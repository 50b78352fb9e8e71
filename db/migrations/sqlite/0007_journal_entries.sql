CREATE TABLE `journal_entries` (
	`profile_id` integer NOT NULL,
	`date` text NOT NULL,
	`symptoms` text NOT NULL,
	`note` text,
	`meals` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`profile_id`, `date`),
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
