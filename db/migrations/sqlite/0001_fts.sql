-- Full-text search over food and recipe names; rows are written by the seed loader.
CREATE VIRTUAL TABLE `foods_fts` USING fts5(`ndb` UNINDEXED, `name`, `common_names`, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
--> statement-breakpoint
CREATE VIRTUAL TABLE `recipes_fts` USING fts5(`slug` UNINDEXED, `name`, `description`, `ingredients`, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
