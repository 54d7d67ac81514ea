CREATE TABLE "activities" (
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
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"related_type" text,
	"related_id" uuid,
	"status" text,
	"direction" text,
	"duration_seconds" integer,
	"outcome" text,
	"planned_at" timestamp with time zone,
	"check_in_at" timestamp with time zone,
	"check_in_latitude" numeric(9, 6),
	"check_in_longitude" numeric(9, 6),
	"check_in_address" text,
	"purpose" text,
	"result" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"location" text,
	"assignee_id" uuid,
	"due_at" timestamp with time zone,
	"priority" text,
	"remind_at" timestamp with time zone,
	"body" text
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_customer_idx" ON "activities" USING btree ("customer_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("contact_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_related_idx" ON "activities" USING btree ("related_type","related_id");--> statement-breakpoint
CREATE INDEX "activities_org_unit_idx" ON "activities" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "activities_created_idx" ON "activities" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "activities_open_tasks_idx" ON "activities" USING btree ("assignee_id","due_at") WHERE "activities"."kind" = 'task' AND "activities"."deleted_at" IS NULL;