CREATE TABLE "lead_scoring_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"operator" text,
	"value" jsonb,
	"activity_kind" text,
	"points" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "lead_scoring_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"title" text,
	"email" text,
	"phone" text,
	"email_key" text,
	"phone_key" text,
	"company_key" text,
	"source" text,
	"region" text,
	"industry" text,
	"status" text DEFAULT 'new' NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"score_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"merged_into_id" uuid,
	"converted_customer_id" uuid,
	"converted_contact_id" uuid,
	"converted_deal_id" uuid,
	"converted_at" timestamp with time zone,
	"external_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "leads_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "leads_org_id_external_id_unique" UNIQUE("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_log" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"rule_id" uuid,
	"assigned_user_id" uuid,
	"explanation" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"amount" numeric(16, 2),
	CONSTRAINT "assignment_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligible_level_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_team_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"strategy" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_assigned_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assignment_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"deal_id" uuid,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"amount" numeric(16, 2) NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contracts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "contracts_org_id_number_unique" UNIQUE("org_id","number")
);
--> statement-breakpoint
CREATE TABLE "installments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "installments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"installment_id" uuid,
	"received_on" date NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"method" text,
	"reference" text,
	"external_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "payments_org_id_external_id_unique" UNIQUE("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"approver_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"details" jsonb NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approvals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "max_open_deals" integer;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "max_contract_amount" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "available" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_scoring_rules" ADD CONSTRAINT "lead_scoring_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installments" ADD CONSTRAINT "installments_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_installment_id_installments_org_id_id_fk" FOREIGN KEY ("org_id","installment_id") REFERENCES "public"."installments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_requested_by_users_org_id_id_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_approver_id_users_org_id_id_fk" FOREIGN KEY ("org_id","approver_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_org_id_email_key_index" ON "leads" USING btree ("org_id","email_key");--> statement-breakpoint
CREATE INDEX "leads_org_id_phone_key_index" ON "leads" USING btree ("org_id","phone_key");--> statement-breakpoint
CREATE INDEX "leads_org_id_company_key_index" ON "leads" USING btree ("org_id","company_key");--> statement-breakpoint
CREATE INDEX "leads_org_id_owner_id_index" ON "leads" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "assignment_log_org_id_entity_entity_id_index" ON "assignment_log" USING btree ("org_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "assignment_rules_org_id_entity_position_index" ON "assignment_rules" USING btree ("org_id","entity","position");--> statement-breakpoint
CREATE INDEX "contracts_org_id_customer_id_index" ON "contracts" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "contracts_org_id_owner_id_index" ON "contracts" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "installments_org_id_contract_id_index" ON "installments" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE INDEX "payments_org_id_contract_id_index" ON "payments" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE INDEX "payments_org_id_received_on_index" ON "payments" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "approvals_org_id_entity_entity_id_index" ON "approvals" USING btree ("org_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "approvals_org_id_approver_id_status_index" ON "approvals" USING btree ("org_id","approver_id","status");