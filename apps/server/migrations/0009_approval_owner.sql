ALTER TABLE "approvals" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
CREATE INDEX "approvals_org_id_owner_id_index" ON "approvals" USING btree ("org_id","owner_id");--> statement-breakpoint
UPDATE "approvals" a SET "owner_id" = d."owner_id" FROM "deals" d WHERE a."entity" = 'deal' AND d."org_id" = a."org_id" AND d."id" = a."entity_id";--> statement-breakpoint
UPDATE "approvals" a SET "owner_id" = c."owner_id" FROM "contracts" c WHERE a."entity" = 'contract' AND c."org_id" = a."org_id" AND c."id" = a."entity_id";
