DROP INDEX "orders_org_id_customer_id_ordered_at_index";--> statement-breakpoint
DROP INDEX "deals_kpi_closed_idx";--> statement-breakpoint
DROP INDEX "orders_kpi_ordered_idx";--> statement-breakpoint
DROP INDEX "tasks_kpi_cadence_due_idx";--> statement-breakpoint
CREATE INDEX "customers_analytics_idx" ON "customers" USING btree ("org_id","id","tier_id","region","industry","owner_id","team_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deal_stage_history_entered_idx" ON "deal_stage_history" USING btree ("org_id","entered_at","deal_id","stage_id","left_at");--> statement-breakpoint
CREATE INDEX "deals_open_idx" ON "deals" USING btree ("org_id","stage_id","owner_id","team_id","amount","probability","expected_close_date","forecast_category","customer_id") WHERE deleted_at is null and closed_at is null;--> statement-breakpoint
CREATE INDEX "deals_created_idx" ON "deals" USING btree ("org_id","created_at","owner_id","team_id","stage_id","pipeline_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_customer_history_idx" ON "orders" USING btree ("org_id","customer_id","ordered_at","amount");--> statement-breakpoint
CREATE INDEX "deals_kpi_closed_idx" ON "deals" USING btree ("org_id","closed_at","owner_id","team_id","stage_id","amount","customer_id","pipeline_id","created_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_kpi_ordered_idx" ON "orders" USING btree ("org_id","ordered_at","customer_id","amount");--> statement-breakpoint
CREATE INDEX "tasks_kpi_cadence_due_idx" ON "tasks" USING btree ("org_id","due_at","assignee_id","team_id","status","completed_at","customer_id") WHERE source = 'cadence';