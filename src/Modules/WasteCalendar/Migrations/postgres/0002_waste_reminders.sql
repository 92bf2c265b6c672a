-- Phase 2: e-mail reminders (double opt-in), the claims that make each reminder go once,
-- disruption notices, recurring rules with exceptions.

CREATE TABLE waste_subscriptions (
    tenant_id          uuid NOT NULL,
    id                 uuid NOT NULL,
    area_id            uuid NOT NULL,
    email              text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    type_ids           text NOT NULL,
    evening            boolean NOT NULL,
    remind_minute      integer NOT NULL CHECK (remind_minute BETWEEN 0 AND 1439),
    culture            text NOT NULL CHECK (culture IN ('de', 'en')),
    created_at         timestamptz NOT NULL,
    confirm_hash       text NULL,
    confirm_expires_at timestamptz NULL,
    confirmed_at       timestamptz NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, area_id, email),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_reminders_sent (
    tenant_id       uuid NOT NULL,
    subscription_id uuid NOT NULL,
    type_id         uuid NOT NULL,
    day             date NOT NULL,
    area_id         uuid NOT NULL,
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id, type_id, day),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES waste_subscriptions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_reminders_sent_at ON waste_reminders_sent (tenant_id, sent_at);

CREATE TABLE waste_notices (
    tenant_id  uuid NOT NULL,
    id         uuid NOT NULL,
    text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    moved_from date NULL,
    moved_to   date NULL,
    show_until date NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((moved_from IS NULL) = (moved_to IS NULL)),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE waste_notice_areas (
    tenant_id uuid NOT NULL,
    notice_id uuid NOT NULL,
    area_id   uuid NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, area_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES waste_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_notices_sent (
    tenant_id       uuid NOT NULL,
    notice_id       uuid NOT NULL,
    subscription_id uuid NOT NULL,
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, subscription_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES waste_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES waste_subscriptions (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_rules (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    area_id     uuid NOT NULL,
    type_id     uuid NOT NULL,
    every_weeks integer NOT NULL CHECK (every_weeks BETWEEN 1 AND 8),
    weekday     integer NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    starts      date NOT NULL,
    ends        date NOT NULL,
    CHECK (starts <= ends),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, type_id) REFERENCES waste_types (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_rule_exceptions (
    tenant_id uuid NOT NULL,
    rule_id   uuid NOT NULL,
    day       date NOT NULL,
    moved_to  date NULL,
    PRIMARY KEY (tenant_id, rule_id, day),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES waste_rules (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['waste_subscriptions', 'waste_reminders_sent', 'waste_notices', 'waste_notice_areas',
                             'waste_notices_sent', 'waste_rules', 'waste_rule_exceptions'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
