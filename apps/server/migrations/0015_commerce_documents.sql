CREATE TABLE "record_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "commerce_approval_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role_id" uuid NOT NULL,
	"up_to_percent" numeric(5, 2),
	"applies_to" jsonb DEFAULT '["quote","order"]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce_approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"step_name" text NOT NULL,
	"role_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"status" text DEFAULT 'waiting' NOT NULL,
	"discount_percent" numeric(5, 2),
	"amount" numeric(18, 2),
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "commerce_counters" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "commerce_counters_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "commerce_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"company_name" text DEFAULT '' NOT NULL,
	"company_address" text,
	"company_phone" text,
	"tax_number" text,
	"bank_account" text,
	"logo" text,
	"rounding" text DEFAULT 'perLine' NOT NULL,
	"prices" text DEFAULT 'inclusive' NOT NULL,
	"quote_validity_days" integer DEFAULT 30 NOT NULL,
	"quote_terms" text,
	"contract_renewal_days" integer DEFAULT 30 NOT NULL,
	"dunning_interval_days" integer DEFAULT 7 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce_discount_limits" (
	"role_id" uuid PRIMARY KEY NOT NULL,
	"max_percent" numeric(5, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"name" text NOT NULL,
	"unit" text,
	"quantity" numeric(18, 4) NOT NULL,
	"list_price" numeric(18, 2),
	"engine_price" numeric(18, 2),
	"unit_price" numeric(18, 2) NOT NULL,
	"discount_kind" text,
	"discount_value" numeric(18, 2),
	"tax_rate" numeric(5, 2) NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"subtotal" numeric(18, 2) NOT NULL,
	"total_discount_share" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"unit_cost" numeric(18, 2),
	"price_source" jsonb
);
--> statement-breakpoint
CREATE TABLE "quotes" (
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
	"number" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"root_id" uuid NOT NULL,
	"previous_id" uuid,
	"title" text,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"quote_date" date NOT NULL,
	"valid_until" date,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"rounding" text DEFAULT 'perLine' NOT NULL,
	"prices" text DEFAULT 'inclusive' NOT NULL,
	"total_discount_kind" text,
	"total_discount_value" numeric(18, 2),
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"discount_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"net_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"gross_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"effective_discount_percent" numeric(7, 2) DEFAULT '0' NOT NULL,
	"terms" text,
	"notes" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"order_id" uuid
);
--> statement-breakpoint
CREATE TABLE "order_expenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"note" text,
	"incurred_on" date NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"name" text NOT NULL,
	"unit" text,
	"supplier" text,
	"quantity" numeric(18, 4) NOT NULL,
	"list_price" numeric(18, 2),
	"unit_price" numeric(18, 2) NOT NULL,
	"discount_kind" text,
	"discount_value" numeric(18, 2),
	"tax_rate" numeric(5, 2) NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"subtotal" numeric(18, 2) NOT NULL,
	"total_discount_share" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"unit_cost" numeric(18, 2),
	"batch_id" uuid,
	"delivered_quantity" numeric(18, 4) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_stage_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"order_line_id" uuid,
	"kind" text NOT NULL,
	"quantity" numeric(18, 4),
	"amount" numeric(18, 2),
	"note" text,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_stage_states" (
	"order_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expected_date" date,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_stages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_type_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"lead_time_days" integer DEFAULT 0 NOT NULL,
	"milestone" text,
	"tracks_quantity" boolean DEFAULT false NOT NULL,
	"is_arrival" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_types" (
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
CREATE TABLE "orders" (
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
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"quote_id" uuid,
	"contract_id" uuid,
	"opportunity_id" uuid,
	"order_type_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_stage_id" uuid,
	"order_date" date NOT NULL,
	"expected_arrival_date" date,
	"promised_date" date,
	"rush" boolean DEFAULT false NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"rounding" text DEFAULT 'perLine' NOT NULL,
	"prices" text DEFAULT 'inclusive' NOT NULL,
	"total_discount_kind" text,
	"total_discount_value" numeric(18, 2),
	"subtotal" numeric(18, 2) DEFAULT '0' NOT NULL,
	"discount_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"net_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"gross_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"expense_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"effective_discount_percent" numeric(7, 2) DEFAULT '0' NOT NULL,
	"paid_total" numeric(18, 2) DEFAULT '0' NOT NULL,
	"memo" text,
	"shipping_address" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"delivered_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "purchase_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"supplier" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rush" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "order_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"planned_date" date NOT NULL,
	"quantity" numeric(18, 4) NOT NULL,
	"delivered_quantity" numeric(18, 4) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"delivered_at" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instalment_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"days_overdue" integer NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"notified_user_id" uuid NOT NULL,
	"channel" text DEFAULT 'owner' NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_instalments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text,
	"due_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"paid_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"paid_at" date,
	"last_dunned_at" timestamp with time zone,
	"dunning_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"instalment_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid,
	"amount" numeric(18, 2) NOT NULL,
	"credit_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"note" text,
	"org_unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "contracts" (
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
	"number" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text COLLATE "C",
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"quote_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"customer_signatory" text,
	"our_signatory" text,
	"signed_on" date,
	"start_date" date NOT NULL,
	"end_date" date,
	"amount" numeric(18, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"payment_terms" text,
	"terms" text,
	"renewal_reminder_days" integer,
	"renewal_reminded_at" timestamp with time zone,
	"renewed_from_id" uuid
);
--> statement-breakpoint
ALTER TABLE "commerce_approval_steps" ADD CONSTRAINT "commerce_approval_steps_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_discount_limits" ADD CONSTRAINT "commerce_discount_limits_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_expenses" ADD CONSTRAINT "order_expenses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_stage_events" ADD CONSTRAINT "order_stage_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_stage_states" ADD CONSTRAINT "order_stage_states_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_stage_states" ADD CONSTRAINT "order_stage_states_stage_id_order_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."order_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_stages" ADD CONSTRAINT "order_stages_order_type_id_order_types_id_fk" FOREIGN KEY ("order_type_id") REFERENCES "public"."order_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_order_type_id_order_types_id_fk" FOREIGN KEY ("order_type_id") REFERENCES "public"."order_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_deliveries" ADD CONSTRAINT "order_deliveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_deliveries" ADD CONSTRAINT "order_deliveries_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_instalment_id_order_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."order_instalments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_instalments" ADD CONSTRAINT "order_instalments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_instalment_id_order_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."order_instalments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_attachments_record_idx" ON "record_attachments" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "commerce_approvals_record_idx" ON "commerce_approvals" USING btree ("record_type","record_id","round","position");--> statement-breakpoint
CREATE INDEX "commerce_approvals_pending_idx" ON "commerce_approvals" USING btree ("status","role_id");--> statement-breakpoint
CREATE INDEX "quote_lines_quote_idx" ON "quote_lines" USING btree ("quote_id","position");--> statement-breakpoint
CREATE INDEX "quote_lines_product_idx" ON "quote_lines" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_revision_idx" ON "quotes" USING btree ("number","revision");--> statement-breakpoint
CREATE INDEX "quotes_root_idx" ON "quotes" USING btree ("root_id","revision");--> statement-breakpoint
CREATE INDEX "quotes_customer_idx" ON "quotes" USING btree ("customer_id","quote_date");--> statement-breakpoint
CREATE INDEX "quotes_opportunity_idx" ON "quotes" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "quotes_owner_idx" ON "quotes" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "quotes_org_unit_idx" ON "quotes" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "quotes_live_status_idx" ON "quotes" USING btree ("status","org_unit_id") WHERE "quotes"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "order_expenses_order_idx" ON "order_expenses" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("product_id","order_id");--> statement-breakpoint
CREATE INDEX "order_lines_batch_idx" ON "order_lines" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "order_stage_events_order_idx" ON "order_stage_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_stage_states_key" ON "order_stage_states" USING btree ("order_id","stage_id");--> statement-breakpoint
CREATE INDEX "order_stages_type_idx" ON "order_stages" USING btree ("order_type_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "orders_customer_date_idx" ON "orders" USING btree ("customer_id","order_date","id") WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "orders_unit_date_idx" ON "orders" USING btree ("org_unit_id","order_date") WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "orders_owner_idx" ON "orders" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "orders_org_unit_idx" ON "orders" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "orders_quote_idx" ON "orders" USING btree ("quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_batches_number_idx" ON "purchase_batches" USING btree ("number");--> statement-breakpoint
CREATE INDEX "purchase_batches_open_idx" ON "purchase_batches" USING btree ("supplier") WHERE "purchase_batches"."status" = 'open';--> statement-breakpoint
CREATE INDEX "order_deliveries_order_idx" ON "order_deliveries" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "dunning_notices_instalment_idx" ON "dunning_notices" USING btree ("instalment_id","level");--> statement-breakpoint
CREATE INDEX "order_instalments_order_idx" ON "order_instalments" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_instalments_open_unit_idx" ON "order_instalments" USING btree ("org_unit_id","due_date") WHERE "order_instalments"."status" IN ('open', 'partial');--> statement-breakpoint
CREATE INDEX "order_instalments_open_due_idx" ON "order_instalments" USING btree ("due_date") WHERE "order_instalments"."status" IN ('open', 'partial');--> statement-breakpoint
CREATE INDEX "order_instalments_customer_idx" ON "order_instalments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_instalment_idx" ON "payment_allocations" USING btree ("instalment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_number_idx" ON "payments" USING btree ("number");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("customer_id","received_on");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_idx" ON "contracts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "contracts_customer_idx" ON "contracts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "contracts_owner_idx" ON "contracts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "contracts_org_unit_idx" ON "contracts" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "contracts_created_idx" ON "contracts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "contracts_live_end_idx" ON "contracts" USING btree ("end_date") WHERE "contracts"."deleted_at" IS NULL AND "contracts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "contracts_live_name_sort_idx" ON "contracts" USING btree ("name_sort","id") WHERE "contracts"."deleted_at" IS NULL;--> statement-breakpoint
INSERT INTO "commerce_settings" ("id", "company_name") VALUES (1, '') ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "order_types" ("id", "name", "is_default", "position") VALUES
  ('01930000-0000-7000-8000-000000000101', '标准订单', true, 0),
  ('01930000-0000-7000-8000-000000000102', '进口订单', false, 1);--> statement-breakpoint
INSERT INTO "order_stages" ("id", "order_type_id", "position", "name", "lead_time_days", "milestone", "tracks_quantity", "is_arrival") VALUES
  ('01930000-0000-7000-8000-000000000111', '01930000-0000-7000-8000-000000000101', 0, '已审批', 0, NULL, false, false),
  ('01930000-0000-7000-8000-000000000112', '01930000-0000-7000-8000-000000000101', 1, '备货', 3, 'purchasing', false, false),
  ('01930000-0000-7000-8000-000000000113', '01930000-0000-7000-8000-000000000101', 2, '已发货', 1, NULL, true, false),
  ('01930000-0000-7000-8000-000000000114', '01930000-0000-7000-8000-000000000101', 3, '已签收', 3, 'delivered', true, true),
  ('01930000-0000-7000-8000-000000000115', '01930000-0000-7000-8000-000000000101', 4, '已回款', 30, 'paid', false, false),
  ('01930000-0000-7000-8000-000000000121', '01930000-0000-7000-8000-000000000102', 0, '已审批', 0, NULL, false, false),
  ('01930000-0000-7000-8000-000000000122', '01930000-0000-7000-8000-000000000102', 1, '采购', 14, 'purchasing', true, false),
  ('01930000-0000-7000-8000-000000000123', '01930000-0000-7000-8000-000000000102', 2, '报关', 5, NULL, false, false),
  ('01930000-0000-7000-8000-000000000124', '01930000-0000-7000-8000-000000000102', 3, '商检', 3, NULL, false, false),
  ('01930000-0000-7000-8000-000000000125', '01930000-0000-7000-8000-000000000102', 4, '入库', 2, NULL, true, false),
  ('01930000-0000-7000-8000-000000000126', '01930000-0000-7000-8000-000000000102', 5, '出库', 1, NULL, true, false),
  ('01930000-0000-7000-8000-000000000127', '01930000-0000-7000-8000-000000000102', 6, '已发货', 1, NULL, true, false),
  ('01930000-0000-7000-8000-000000000128', '01930000-0000-7000-8000-000000000102', 7, '已验收', 3, 'delivered', true, true),
  ('01930000-0000-7000-8000-000000000129', '01930000-0000-7000-8000-000000000102', 8, '已回款', 30, 'paid', false, false);
