CREATE TABLE "sales_forecast_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"week_start" date NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"period" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"weighted" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_name" text NOT NULL,
	"product_id" uuid,
	"category" text,
	"quantity" numeric(18, 4) NOT NULL,
	"unit_price" numeric(18, 2) NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"metric" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"user_id" uuid,
	"category" text,
	"value" numeric(18, 2) NOT NULL,
	"note" text,
	"parent_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_targets_value_not_negative" CHECK ("sales_targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_scorecard_weights" (
	"key" text PRIMARY KEY NOT NULL,
	"visits" integer NOT NULL,
	"completeness" integer NOT NULL,
	"results" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunity_lines" ADD CONSTRAINT "opportunity_lines_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_parent_id_sales_targets_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sales_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_forecast_snapshots_key" ON "sales_forecast_snapshots" USING btree ("period","week_start","org_unit_id","user_id","category");--> statement-breakpoint
CREATE INDEX "sales_forecast_snapshots_unit_idx" ON "sales_forecast_snapshots" USING btree ("period","org_unit_id");--> statement-breakpoint
CREATE INDEX "opportunity_lines_opportunity_idx" ON "opportunity_lines" USING btree ("opportunity_id","position");--> statement-breakpoint
CREATE INDEX "sales_targets_scope_idx" ON "sales_targets" USING btree ("org_unit_id","metric","start_date");--> statement-breakpoint
CREATE INDEX "sales_targets_user_idx" ON "sales_targets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sales_targets_parent_idx" ON "sales_targets" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "opportunities_unit_closed_idx" ON "opportunities" USING btree ("org_unit_id","closed_at") WHERE "opportunities"."deleted_at" IS NULL AND "opportunities"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opportunities_unit_close_date_idx" ON "opportunities" USING btree ("org_unit_id","expected_close_date") WHERE "opportunities"."deleted_at" IS NULL;