ALTER TABLE `foods` ADD `derived_from` text;--> statement-breakpoint
ALTER TABLE `foods` ADD `derivation` text;