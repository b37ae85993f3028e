CREATE INDEX "activities_kpi_occurred_idx" ON "activities" USING btree ("org_id","occurred_at","owner_id","team_id","kind") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "payments_kpi_received_idx" ON "payments" USING btree ("org_id","received_on","contract_id","amount");--> statement-breakpoint
CREATE INDEX "customers_kpi_created_idx" ON "customers" USING btree ("org_id","created_at","owner_id","team_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_kpi_closed_idx" ON "deals" USING btree ("org_id","closed_at","owner_id","team_id","stage_id","amount") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_kpi_ordered_idx" ON "orders" USING btree ("org_id","ordered_at","customer_id");--> statement-breakpoint
CREATE INDEX "satisfaction_kpi_recorded_idx" ON "satisfaction_scores" USING btree ("org_id","recorded_on","owner_id","team_id","score");--> statement-breakpoint
CREATE INDEX "tasks_kpi_cadence_due_idx" ON "tasks" USING btree ("org_id","due_at","assignee_id","team_id","status","completed_at") WHERE source = 'cadence';