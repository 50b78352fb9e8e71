ALTER TABLE "recipes" ADD COLUMN "active_minutes" integer;--> statement-breakpoint
ALTER TABLE "recipes" ADD COLUMN "passive_minutes" integer;--> statement-breakpoint
ALTER TABLE "recipes" ADD COLUMN "assembly" boolean DEFAULT false NOT NULL;