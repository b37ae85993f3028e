CREATE TABLE "commission_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"base_rate" double precision NOT NULL,
	"accelerators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "commission_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "commission_plans_org_id_level_id_unique" UNIQUE("org_id","level_id")
);
--> statement-breakpoint
CREATE TABLE "level_criteria" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"from_level_id" uuid NOT NULL,
	"to_level_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"period_kind" text NOT NULL,
	"consecutive_periods" integer NOT NULL,
	"grade" text,
	"kpi_minimums" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_months_at_level" integer,
	CONSTRAINT "level_criteria_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "level_criteria_org_id_from_level_id_to_level_id_unique" UNIQUE("org_id","from_level_id","to_level_id")
);
--> statement-breakpoint
CREATE TABLE "level_decisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"period" text NOT NULL,
	"recommendation" text NOT NULL,
	"from_level_id" uuid,
	"to_level_id" uuid,
	"decision" text NOT NULL,
	"comment" text NOT NULL,
	"effective_on" date,
	"applied_at" timestamp with time zone,
	"evidence" jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "level_decisions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "level_decisions_org_id_rep_id_period_unique" UNIQUE("org_id","rep_id","period")
);
--> statement-breakpoint
CREATE TABLE "level_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"from_level_id" uuid,
	"to_level_id" uuid,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"decision_id" uuid,
	"changed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "level_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "appraisal_cycles" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"quantitative_weight" integer NOT NULL,
	"attainment_cap" double precision NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"level_schemes" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appraisal_cycles_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "appraisal_cycles_org_id_period_unique" UNIQUE("org_id","period")
);
--> statement-breakpoint
CREATE TABLE "forecast_commits" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"team_id" uuid,
	"period" text NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "forecast_commits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "forecast_commits_org_id_rep_id_period_unique" UNIQUE("org_id","rep_id","period")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reviews_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "reviews_org_id_cycle_id_rep_id_kind_unique" UNIQUE("org_id","cycle_id","rep_id","kind")
);
--> statement-breakpoint
CREATE TABLE "satisfaction_scores" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"score" smallint NOT NULL,
	"recorded_on" date NOT NULL,
	"comment" text,
	"external_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "satisfaction_scores_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "satisfaction_scores_org_id_external_id_unique" UNIQUE("org_id","external_id"),
	CONSTRAINT "satisfaction_score_range" CHECK ("satisfaction_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"period" text NOT NULL,
	"rep_id" uuid,
	"team_id" uuid,
	"level_id" uuid,
	"value" numeric(18, 4) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "targets_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "targets_one_subject" CHECK (num_nonnulls("targets"."rep_id", "targets"."team_id", "targets"."level_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "commission_plans" ADD CONSTRAINT "commission_plans_org_id_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_criteria" ADD CONSTRAINT "level_criteria_org_id_from_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","from_level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_criteria" ADD CONSTRAINT "level_criteria_org_id_to_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","to_level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_decisions" ADD CONSTRAINT "level_decisions_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_decisions" ADD CONSTRAINT "level_decisions_org_id_decided_by_users_org_id_id_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_history" ADD CONSTRAINT "level_history_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_history" ADD CONSTRAINT "level_history_org_id_to_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","to_level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_commits" ADD CONSTRAINT "forecast_commits_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_commits" ADD CONSTRAINT "forecast_commits_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_org_id_cycle_id_appraisal_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."appraisal_cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_org_id_reviewer_id_users_org_id_id_fk" FOREIGN KEY ("org_id","reviewer_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_decisions_due_idx" ON "level_decisions" USING btree ("effective_on") WHERE decision = 'accepted' and applied_at is null;--> statement-breakpoint
CREATE INDEX "level_history_org_id_user_id_effective_on_index" ON "level_history" USING btree ("org_id","user_id","effective_on");--> statement-breakpoint
CREATE INDEX "forecast_commits_org_id_period_index" ON "forecast_commits" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "satisfaction_scores_org_id_owner_id_recorded_on_index" ON "satisfaction_scores" USING btree ("org_id","owner_id","recorded_on");--> statement-breakpoint
CREATE INDEX "satisfaction_scores_org_id_customer_id_recorded_on_index" ON "satisfaction_scores" USING btree ("org_id","customer_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_rep_key" ON "targets" USING btree ("org_id","rep_id","kpi","period") WHERE rep_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_team_key" ON "targets" USING btree ("org_id","team_id","kpi","period") WHERE team_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_level_key" ON "targets" USING btree ("org_id","level_id","kpi","period") WHERE level_id is not null;--> statement-breakpoint
CREATE INDEX "targets_org_id_period_index" ON "targets" USING btree ("org_id","period");--> statement-breakpoint
-- Reps who already have a level start their history with it, from their hire date (else the day they were created).
INSERT INTO "level_history" ("org_id", "id", "user_id", "from_level_id", "to_level_id", "effective_on", "reason", "created_at")
SELECT "org_id", gen_random_uuid(), "id", NULL, "level_id", coalesce("hire_date", "created_at"::date), 'manual', now()
FROM "users" WHERE "level_id" IS NOT NULL;
