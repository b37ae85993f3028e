CREATE TABLE "certifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"granted_on" date NOT NULL,
	"expires_on" date,
	"renewal_enrolled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"provider" text,
	"category" text NOT NULL,
	"format" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quiz" jsonb,
	"certification" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "courses_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "curriculum_items" (
	"org_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	CONSTRAINT "curriculum_items_org_id_level_id_purpose_course_id_pk" PRIMARY KEY("org_id","level_id","purpose","course_id")
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"target_level_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "development_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"source" text NOT NULL,
	"assigned_via" text NOT NULL,
	"assigned_by" uuid,
	"due_on" date,
	"status" text DEFAULT 'assigned' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"quiz_score" smallint,
	"passed" boolean,
	"attempts_used" smallint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"due_soon_notified_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "enrolments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"attempt_number" smallint NOT NULL,
	"answers" jsonb NOT NULL,
	"score" smallint NOT NULL,
	"passed" boolean NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quiz_attempts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "skill_assessments" (
	"org_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"self_level" smallint,
	"manager_level" smallint,
	"self_at" timestamp with time zone,
	"manager_at" timestamp with time zone,
	"manager_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "skill_assessments_org_id_rep_id_skill_id_pk" PRIMARY KEY("org_id","rep_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "skills_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_trigger_fires" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"period" text NOT NULL,
	"rep_id" uuid NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"threshold" numeric(18, 4) NOT NULL,
	"sample" integer,
	"outcome" text NOT NULL,
	"enrolment_id" uuid,
	"fired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_trigger_fires_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_trigger_runs" (
	"org_id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"period" text NOT NULL,
	"evaluated" integer NOT NULL,
	"fired" integer NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"ran_by" uuid,
	CONSTRAINT "training_trigger_runs_org_id_trigger_id_period_pk" PRIMARY KEY("org_id","trigger_id","period")
);
--> statement-breakpoint
CREATE TABLE "training_triggers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"metric" jsonb NOT NULL,
	"threshold" numeric(18, 4) NOT NULL,
	"period_kind" text NOT NULL,
	"min_sample" integer DEFAULT 1 NOT NULL,
	"course_id" uuid NOT NULL,
	"due_days" integer DEFAULT 30 NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"level_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_triggers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_id_course_id_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_id_enrolment_id_enrolments_org_id_id_fk" FOREIGN KEY ("org_id","enrolment_id") REFERENCES "public"."enrolments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_items" ADD CONSTRAINT "curriculum_items_org_id_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_items" ADD CONSTRAINT "curriculum_items_org_id_course_id_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."courses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_org_id_target_level_id_levels_org_id_id_fk" FOREIGN KEY ("org_id","target_level_id") REFERENCES "public"."levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_org_id_course_id_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_org_id_enrolment_id_enrolments_org_id_id_fk" FOREIGN KEY ("org_id","enrolment_id") REFERENCES "public"."enrolments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_org_id_skill_id_skills_org_id_id_fk" FOREIGN KEY ("org_id","skill_id") REFERENCES "public"."skills"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trigger_fires" ADD CONSTRAINT "training_trigger_fires_org_id_trigger_id_training_triggers_org_id_id_fk" FOREIGN KEY ("org_id","trigger_id") REFERENCES "public"."training_triggers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trigger_fires" ADD CONSTRAINT "training_trigger_fires_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trigger_runs" ADD CONSTRAINT "training_trigger_runs_org_id_trigger_id_training_triggers_org_id_id_fk" FOREIGN KEY ("org_id","trigger_id") REFERENCES "public"."training_triggers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_org_id_course_id_courses_org_id_id_fk" FOREIGN KEY ("org_id","course_id") REFERENCES "public"."courses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_org_id_enrolment_id_index" ON "certifications" USING btree ("org_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "certifications_org_id_rep_id_course_id_index" ON "certifications" USING btree ("org_id","rep_id","course_id");--> statement-breakpoint
CREATE INDEX "certifications_expiring" ON "certifications" USING btree ("expires_on") WHERE expires_on is not null and renewal_enrolled_at is null;--> statement-breakpoint
CREATE INDEX "courses_org_id_category_title_index" ON "courses" USING btree ("org_id","category","title");--> statement-breakpoint
CREATE INDEX "development_plans_org_id_rep_id_index" ON "development_plans" USING btree ("org_id","rep_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_open_key" ON "enrolments" USING btree ("org_id","course_id","rep_id") WHERE status in ('assigned', 'in_progress');--> statement-breakpoint
CREATE INDEX "enrolments_org_id_rep_id_status_index" ON "enrolments" USING btree ("org_id","rep_id","status");--> statement-breakpoint
CREATE INDEX "enrolments_open_due" ON "enrolments" USING btree ("due_on") WHERE status in ('assigned', 'in_progress') and due_on is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_org_id_enrolment_id_attempt_number_index" ON "quiz_attempts" USING btree ("org_id","enrolment_id","attempt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_org_id_name_index" ON "skills" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "training_trigger_fires_org_id_trigger_id_period_rep_id_index" ON "training_trigger_fires" USING btree ("org_id","trigger_id","period","rep_id");--> statement-breakpoint
CREATE INDEX "training_trigger_fires_org_id_rep_id_index" ON "training_trigger_fires" USING btree ("org_id","rep_id");--> statement-breakpoint
CREATE INDEX "training_triggers_enabled" ON "training_triggers" USING btree ("period_kind") WHERE enabled;