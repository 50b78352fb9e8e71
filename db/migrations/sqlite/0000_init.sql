CREATE TABLE `food_measures` (
	`ndb` text NOT NULL,
	`seq` integer NOT NULL,
	`amount` real NOT NULL,
	`label` text NOT NULL,
	`grams` real NOT NULL,
	PRIMARY KEY(`ndb`, `seq`),
	FOREIGN KEY (`ndb`) REFERENCES `foods`(`ndb`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `food_tags` (
	`ndb` text NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`certainty` text NOT NULL,
	`rationale` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`ndb`, `kind`, `code`),
	FOREIGN KEY (`ndb`) REFERENCES `foods`(`ndb`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `food_tags_code_idx` ON `food_tags` (`kind`,`code`);--> statement-breakpoint
CREATE TABLE `foods` (
	`ndb` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`group_code` text NOT NULL,
	`group_name` text NOT NULL,
	`long_desc` text NOT NULL,
	`short_desc` text NOT NULL,
	`common_names` text NOT NULL,
	`manufacturer` text NOT NULL,
	`sci_name` text NOT NULL,
	`refuse_pct` real,
	`nutrients` text NOT NULL,
	`energy_kcal` real,
	`protein_g` real,
	`inflammation_class` text NOT NULL,
	`inflammation_rationale` text NOT NULL,
	`inflammation_evidence` text NOT NULL,
	`inflammation_source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `foods_group_idx` ON `foods` (`group_code`);--> statement-breakpoint
CREATE INDEX `foods_inflammation_idx` ON `foods` (`inflammation_class`);--> statement-breakpoint
CREATE TABLE `plan_meals` (
	`plan_id` integer NOT NULL,
	`meal_id` text NOT NULL,
	`date` text NOT NULL,
	`slot` text NOT NULL,
	`recipe_slug` text NOT NULL,
	`servings` real NOT NULL,
	`locked` integer NOT NULL,
	`leftover_of` text,
	`explanation` text NOT NULL,
	PRIMARY KEY(`plan_id`, `meal_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipe_slug`) REFERENCES `recipes`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`week_start` text NOT NULL,
	`seed` integer NOT NULL,
	`score` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plans_profile_idx` ON `plans` (`profile_id`);--> statement-breakpoint
CREATE TABLE `shopping_checks` (
	`plan_id` integer NOT NULL,
	`ndb` text NOT NULL,
	`checked` integer NOT NULL,
	`grams_at_check` real NOT NULL,
	PRIMARY KEY(`plan_id`, `ndb`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `profile_pantry` (
	`profile_id` integer NOT NULL,
	`ndb` text NOT NULL,
	`in_pantry` integer NOT NULL,
	PRIMARY KEY(`profile_id`, `ndb`),
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ndb`) REFERENCES `foods`(`ndb`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `protocols` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seed_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recipe_compliance` (
	`recipe_slug` text NOT NULL,
	`protocol` text NOT NULL,
	`phase` text NOT NULL,
	`ok` integer NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`recipe_slug`, `protocol`, `phase`),
	FOREIGN KEY (`recipe_slug`) REFERENCES `recipes`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recipe_compliance_phase_idx` ON `recipe_compliance` (`protocol`,`phase`,`ok`);--> statement-breakpoint
CREATE TABLE `recipe_ingredients` (
	`recipe_slug` text NOT NULL,
	`position` integer NOT NULL,
	`ndb` text NOT NULL,
	`grams` real NOT NULL,
	`text` text NOT NULL,
	`note` text,
	PRIMARY KEY(`recipe_slug`, `position`),
	FOREIGN KEY (`recipe_slug`) REFERENCES `recipes`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ndb`) REFERENCES `foods`(`ndb`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recipe_ingredients_ndb_idx` ON `recipe_ingredients` (`ndb`);--> statement-breakpoint
CREATE TABLE `recipe_tags` (
	`recipe_slug` text NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`certainty` text NOT NULL,
	`causes` text NOT NULL,
	PRIMARY KEY(`recipe_slug`, `kind`, `code`),
	FOREIGN KEY (`recipe_slug`) REFERENCES `recipes`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recipe_tags_code_idx` ON `recipe_tags` (`kind`,`code`);--> statement-breakpoint
CREATE TABLE `recipes` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`meal_types` text NOT NULL,
	`servings` integer NOT NULL,
	`prep_minutes` integer NOT NULL,
	`cook_minutes` integer NOT NULL,
	`total_minutes` integer NOT NULL,
	`cuisine` text NOT NULL,
	`light` integer NOT NULL,
	`leftover_days` integer NOT NULL,
	`freezes` integer NOT NULL,
	`steps` text NOT NULL,
	`nutrition_per_serving` text NOT NULL,
	`energy_kcal` real NOT NULL,
	`protein_g` real NOT NULL,
	`inflammation_class` text NOT NULL,
	`inflammation_score` real NOT NULL,
	`source_hash` text NOT NULL
);
