DROP INDEX "customers_org_id_owner_id_index";--> statement-breakpoint
CREATE INDEX "customers_owner_name_idx" ON "customers" USING btree ("org_id","owner_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_last_contact_keyset" ON "customers" USING btree ("org_id",coalesce("last_contact_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "customers_created_keyset" ON "customers" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_tags_gin" ON "customers" USING gin ("tags");