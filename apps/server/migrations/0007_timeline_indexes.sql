DROP INDEX "assignment_log_org_id_entity_entity_id_index";--> statement-breakpoint
DROP INDEX "payments_org_id_contract_id_index";--> statement-breakpoint
CREATE INDEX "assignment_log_org_id_entity_entity_id_at_id_index" ON "assignment_log" USING btree ("org_id","entity","entity_id","at","id");--> statement-breakpoint
CREATE INDEX "contracts_org_id_deal_id_index" ON "contracts" USING btree ("org_id","deal_id");--> statement-breakpoint
CREATE INDEX "payments_org_id_contract_id_received_on_id_index" ON "payments" USING btree ("org_id","contract_id","received_on","id");