ALTER TABLE `clinician_access_log` ADD `clinician_name` text;--> statement-breakpoint
ALTER TABLE `clinician_access_log` ADD `clinician_email` text;