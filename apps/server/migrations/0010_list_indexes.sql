DROP INDEX "activities_org_id_owner_id_occurred_at_index";--> statement-breakpoint
CREATE INDEX "activities_org_id_owner_id_occurred_at_id_index" ON "activities" USING btree ("org_id","owner_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "tasks_open_created_by_idx" ON "tasks" USING btree ("org_id","created_by") WHERE status = 'open';