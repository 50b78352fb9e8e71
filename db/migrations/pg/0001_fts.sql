-- Full-text search over food and recipe names; rows are written by the seed loader, which
-- fills the same columns as SQLite's FTS5 tables. The weighted document is derived here.
-- Punctuation becomes a space first, as SQLite's unicode61 tokenizer splits on it: PostgreSQL's
-- parser would otherwise read "w/Rice" or "tub/bottle" as one file-path token.
CREATE TABLE "foods_fts" (
	"ndb" text PRIMARY KEY,
	"name" text NOT NULL,
	"common_names" text NOT NULL,
	"document" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', regexp_replace("name", '[^[:alnum:]]+', ' ', 'g')), 'A') ||
		setweight(to_tsvector('simple', regexp_replace("common_names", '[^[:alnum:]]+', ' ', 'g')), 'B')
	) STORED
);
--> statement-breakpoint
CREATE INDEX "foods_fts_document_idx" ON "foods_fts" USING gin ("document");
--> statement-breakpoint
CREATE TABLE "recipes_fts" (
	"slug" text PRIMARY KEY,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"ingredients" text NOT NULL,
	"document" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', regexp_replace("name", '[^[:alnum:]]+', ' ', 'g')), 'A') ||
		setweight(to_tsvector('simple', regexp_replace("description", '[^[:alnum:]]+', ' ', 'g')), 'B') ||
		setweight(to_tsvector('simple', regexp_replace("ingredients", '[^[:alnum:]]+', ' ', 'g')), 'C')
	) STORED
);
--> statement-breakpoint
CREATE INDEX "recipes_fts_document_idx" ON "recipes_fts" USING gin ("document");
