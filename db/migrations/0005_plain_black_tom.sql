ALTER TABLE `recipe_ingredients` ADD `shop_note` text;--> statement-breakpoint
ALTER TABLE `recipes` ADD `nutrition_from` text;