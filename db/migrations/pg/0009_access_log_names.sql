ALTER TABLE "clinician_access_log" ADD COLUMN "clinician_name" text;--> statement-breakpoint
ALTER TABLE "clinician_access_log" ADD COLUMN "clinician_email" text;