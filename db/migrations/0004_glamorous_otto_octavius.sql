ALTER TABLE `recipes` ADD `nutrition_unknown` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `recipes` ADD `fructose_g` real;--> statement-breakpoint
ALTER TABLE `recipes` ADD `treat` integer DEFAULT false NOT NULL;