ALTER TABLE `foods` ADD `derived_from` text;--> statement-breakpoint
ALTER TABLE `foods` ADD `derivation` text;--> statement-breakpoint
ALTER TABLE `recipe_ingredients` ADD `shop_note` text;--> statement-breakpoint
ALTER TABLE `recipes` ADD `nutrition_unknown` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `recipes` ADD `fructose_g` real;--> statement-breakpoint
ALTER TABLE `recipes` ADD `nutrition_from` text;--> statement-breakpoint
ALTER TABLE `recipes` ADD `treat` integer DEFAULT false NOT NULL;