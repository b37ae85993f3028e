DROP INDEX "contracts_org_id_owner_id_index";--> statement-breakpoint
CREATE INDEX "activities_kpi_owner_idx" ON "activities" USING btree ("org_id","owner_id","occurred_at","kind","team_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contracts_org_id_owner_id_id_team_id_index" ON "contracts" USING btree ("org_id","owner_id","id","team_id");--> statement-breakpoint
CREATE INDEX "customers_kpi_owner_idx" ON "customers" USING btree ("org_id","owner_id","id","team_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_open_team_idx" ON "deals" USING btree ("org_id","team_id","stage_id","owner_id","amount","probability") WHERE deleted_at is null and closed_at is null;--> statement-breakpoint
CREATE INDEX "tasks_kpi_cadence_assignee_idx" ON "tasks" USING btree ("org_id","assignee_id","due_at","status","completed_at","team_id") WHERE source = 'cadence';