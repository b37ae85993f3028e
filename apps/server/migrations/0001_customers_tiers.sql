CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "tier_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"from_tier_id" uuid,
	"to_tier_id" uuid NOT NULL,
	"source" text NOT NULL,
	"rule_version" integer,
	"explanation" jsonb,
	"reason" text,
	"actor_id" uuid,
	CONSTRAINT "tier_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tier_policies" (
	"org_id" uuid NOT NULL,
	"tier_id" uuid NOT NULL,
	"cadence_days" integer NOT NULL,
	"min_level_id" uuid,
	"response_sla_hours" integer NOT NULL,
	"max_discount_pct" numeric(5, 2) NOT NULL,
	"account_team_required" boolean DEFAULT false NOT NULL,
	"pool_reclaim_days" integer,
	"pool_warning_days" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tier_policies_org_id_tier_id_pk" PRIMARY KEY("org_id","tier_id")
);
--> statement-breakpoint
CREATE TABLE "tier_rule_sets" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"metric" text NOT NULL,
	"window_days" integer NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "tier_rule_sets_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" integer NOT NULL,
	"color" text DEFAULT 'default' NOT NULL,
	CONSTRAINT "tiers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "tiers_org_id_key_unique" UNIQUE("org_id","key"),
	CONSTRAINT "tiers_org_id_rank_unique" UNIQUE("org_id","rank")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"seniority" text,
	"buying_role" text,
	"phone" text,
	"email" text,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"tier_id" uuid NOT NULL,
	"tier_pinned" boolean DEFAULT false NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"industry" text,
	"region" text,
	"source" text,
	"phone" text,
	"phone_digits" text,
	"email" text,
	"address" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"external_id" text,
	"last_contact_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"owned_since" timestamp with time zone,
	"pool_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customers_org_id_external_id_unique" UNIQUE("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"org_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text NOT NULL,
	"product_name" text,
	"category" text,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" numeric(14, 4) NOT NULL,
	CONSTRAINT "order_lines_org_id_order_id_line_no_pk" PRIMARY KEY("org_id","order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"customer_id" uuid NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "orders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "orders_org_id_external_id_unique" UNIQUE("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "account_plans" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"opportunities" text DEFAULT '' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_plans_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "account_team_members" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"access" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_team_members_org_id_customer_id_user_id_pk" PRIMARY KEY("org_id","customer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pool_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"actor_id" uuid,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "pool_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "pool_cooldown_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "max_customers" integer;--> statement-breakpoint
ALTER TABLE "levels" ADD COLUMN "max_claims_per_day" integer;--> statement-breakpoint
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_org_id_tier_id_tiers_org_id_id_fk" FOREIGN KEY ("org_id","tier_id") REFERENCES "public"."tiers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_org_id_min_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","min_level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_rule_sets" ADD CONSTRAINT "tier_rule_sets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_tier_id_tiers_org_id_id_fk" FOREIGN KEY ("org_id","tier_id") REFERENCES "public"."tiers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_team_members" ADD CONSTRAINT "account_team_members_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_team_members" ADD CONSTRAINT "account_team_members_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_events" ADD CONSTRAINT "pool_events_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tier_changes_org_id_customer_id_effective_at_index" ON "tier_changes" USING btree ("org_id","customer_id","effective_at");--> statement-breakpoint
CREATE INDEX "contacts_org_id_customer_id_index" ON "contacts" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "customers_name_trgm" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_org_id_owner_id_index" ON "customers" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "customers_org_id_team_id_index" ON "customers" USING btree ("org_id","team_id");--> statement-breakpoint
CREATE INDEX "customers_org_id_tier_id_index" ON "customers" USING btree ("org_id","tier_id");--> statement-breakpoint
CREATE INDEX "customers_org_id_name_id_index" ON "customers" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_org_id_phone_digits_index" ON "customers" USING btree ("org_id","phone_digits");--> statement-breakpoint
CREATE INDEX "customers_org_id_email_index" ON "customers" USING btree ("org_id","email");--> statement-breakpoint
CREATE INDEX "orders_org_id_customer_id_ordered_at_index" ON "orders" USING btree ("org_id","customer_id","ordered_at");--> statement-breakpoint
CREATE INDEX "orders_org_id_ordered_at_index" ON "orders" USING btree ("org_id","ordered_at");--> statement-breakpoint
CREATE INDEX "account_team_members_org_id_user_id_index" ON "account_team_members" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "pool_events_org_id_customer_id_at_index" ON "pool_events" USING btree ("org_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "pool_events_org_id_user_id_kind_at_index" ON "pool_events" USING btree ("org_id","user_id","kind","at");