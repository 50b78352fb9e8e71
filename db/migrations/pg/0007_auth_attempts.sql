CREATE TABLE "auth_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" text NOT NULL,
	"count" integer NOT NULL
);
