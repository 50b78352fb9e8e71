CREATE TABLE `food_fodmap_serves` (
	`ndb` text PRIMARY KEY NOT NULL,
	`table_food` text NOT NULL,
	`green_max_g` real,
	`amber_from_g` real,
	`red_from_g` real,
	`subgroups_above` text NOT NULL,
	`unlimited` integer NOT NULL,
	`tier` text NOT NULL,
	`source` text NOT NULL,
	`note` text NOT NULL,
	`match_note` text NOT NULL,
	FOREIGN KEY (`ndb`) REFERENCES `foods`(`ndb`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `food_tags` ADD `green_max_g` real;--> statement-breakpoint
ALTER TABLE `food_tags` ADD `subgroups_above` text;--> statement-breakpoint
ALTER TABLE `foods` ADD `derived_from` text;--> statement-breakpoint
ALTER TABLE `foods` ADD `derivation` text;--> statement-breakpoint
ALTER TABLE `recipe_compliance` ADD `max_portion` real;--> statement-breakpoint
ALTER TABLE `recipe_ingredients` ADD `shop_note` text;--> statement-breakpoint
ALTER TABLE `recipes` ADD `nutrition_unknown` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `recipes` ADD `fructose_g` real;--> statement-breakpoint
ALTER TABLE `recipes` ADD `nutrition_from` text;--> statement-breakpoint
ALTER TABLE `recipes` ADD `treat` integer DEFAULT false NOT NULL;