CREATE TABLE `shopping_changes` (
	`plan_id` integer NOT NULL,
	`ndb` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`plan_id`, `ndb`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
