ALTER TABLE `recipes` ADD `active_minutes` integer;--> statement-breakpoint
ALTER TABLE `recipes` ADD `passive_minutes` integer;--> statement-breakpoint
ALTER TABLE `recipes` ADD `assembly` integer DEFAULT false NOT NULL;