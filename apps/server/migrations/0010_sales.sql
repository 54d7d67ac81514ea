CREATE TABLE "lead_assignment_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target_user_id" uuid,
	"target_org_unit_id" uuid,
	"distribution" text DEFAULT 'round_robin' NOT NULL,
	"last_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_form_hits" (
	"address" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"campaign" text,
	"interest" text,
	"active" boolean DEFAULT true NOT NULL,
	"fallback_user_id" uuid NOT NULL,
	"fallback_org_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"owner_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"name" text NOT NULL,
	"name_sort" text COLLATE "C",
	"company" text,
	"title" text,
	"phone" text,
	"mobile" text,
	"email" text,
	"source" text,
	"interest" text,
	"customer_type" text,
	"province" text,
	"city" text,
	"campaign" text,
	"message" text,
	"status" text DEFAULT 'new' NOT NULL,
	"disqualify_reason" text,
	"assigned_by_rule" text,
	"assignment_rule_id" uuid,
	"form_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_customer_id" uuid,
	"converted_contact_id" uuid,
	"converted_opportunity_id" uuid
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"owner_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"name" text NOT NULL,
	"name_sort" text COLLATE "C",
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"amount" numeric(18, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"expected_close_date" date,
	"probability" integer,
	"forecast_category" text,
	"source" text,
	"next_step" text,
	"competitors" jsonb,
	"loss_reason" text,
	"loss_note" text,
	"description" text,
	"lead_id" uuid,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"user_id" uuid,
	"amount" numeric(18, 2),
	"probability" integer
);
--> statement-breakpoint
CREATE TABLE "sales_pipelines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_stages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_pipeline_id_sales_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."sales_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_stage_id_sales_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."sales_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_stage_id_sales_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."sales_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_stages" ADD CONSTRAINT "sales_stages_pipeline_id_sales_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."sales_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_assignment_rules_position_idx" ON "lead_assignment_rules" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_form_hits_key" ON "lead_form_hits" USING btree ("address","hour");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_forms_key_idx" ON "lead_forms" USING btree ("key");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "leads_live_name_sort_idx" ON "leads" USING btree ("name_sort","id") WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "leads_org_unit_idx" ON "leads" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status","org_unit_id");--> statement-breakpoint
CREATE INDEX "opportunities_board_idx" ON "opportunities" USING btree ("pipeline_id","stage_id","org_unit_id") WHERE "opportunities"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "opportunities_customer_idx" ON "opportunities" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "opportunities_live_name_sort_idx" ON "opportunities" USING btree ("name_sort","id") WHERE "opportunities"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_unit_idx" ON "opportunities" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "opportunities_created_idx" ON "opportunities" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" USING btree ("expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_opportunity_idx" ON "opportunity_stage_history" USING btree ("opportunity_id","entered_at");--> statement-breakpoint
CREATE INDEX "sales_stages_pipeline_idx" ON "sales_stages" USING btree ("pipeline_id","position");--> statement-breakpoint
INSERT INTO "sales_pipelines" ("id", "name", "is_default", "position") VALUES ('01930000-0000-7000-8000-000000000001', '标准销售流程', true, 0);--> statement-breakpoint
INSERT INTO "sales_stages" ("id", "pipeline_id", "name", "position", "probability", "outcome") VALUES
  ('01930000-0000-7000-8000-000000000011', '01930000-0000-7000-8000-000000000001', '初步接洽', 0, 10, 'open'),
  ('01930000-0000-7000-8000-000000000012', '01930000-0000-7000-8000-000000000001', '需求确认', 1, 25, 'open'),
  ('01930000-0000-7000-8000-000000000013', '01930000-0000-7000-8000-000000000001', '方案报价', 2, 50, 'open'),
  ('01930000-0000-7000-8000-000000000014', '01930000-0000-7000-8000-000000000001', '商务谈判', 3, 75, 'open'),
  ('01930000-0000-7000-8000-000000000015', '01930000-0000-7000-8000-000000000001', '赢单', 4, 100, 'won'),
  ('01930000-0000-7000-8000-000000000016', '01930000-0000-7000-8000-000000000001', '输单', 5, 0, 'lost');
