-- Phase 2: e-mail reminders (double opt-in), the claims that make each reminder go once,
-- disruption notices, recurring rules with exceptions.

CREATE TABLE waste_subscriptions (
    tenant_id          TEXT NOT NULL,
    id                 TEXT NOT NULL,
    area_id            TEXT NOT NULL,
    email              TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    type_ids           TEXT NOT NULL,
    evening            INTEGER NOT NULL,
    remind_minute      INTEGER NOT NULL CHECK (remind_minute BETWEEN 0 AND 1439),
    culture            TEXT NOT NULL CHECK (culture IN ('de', 'en')),
    created_at         TEXT NOT NULL,
    confirm_hash       TEXT NULL,
    confirm_expires_at TEXT NULL,
    confirmed_at       TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, area_id, email),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_reminders_sent (
    tenant_id       TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    type_id         TEXT NOT NULL,
    day             TEXT NOT NULL,
    area_id         TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id, type_id, day),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES waste_subscriptions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_reminders_sent_at ON waste_reminders_sent (tenant_id, sent_at);

CREATE TABLE waste_notices (
    tenant_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    moved_from TEXT NULL,
    moved_to   TEXT NULL,
    show_until TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((moved_from IS NULL) = (moved_to IS NULL)),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE waste_notice_areas (
    tenant_id TEXT NOT NULL,
    notice_id TEXT NOT NULL,
    area_id   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, area_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES waste_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_notices_sent (
    tenant_id       TEXT NOT NULL,
    notice_id       TEXT NOT NULL,
    subscription_id TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, subscription_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES waste_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES waste_subscriptions (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_rules (
    tenant_id   TEXT NOT NULL,
    id          TEXT NOT NULL,
    area_id     TEXT NOT NULL,
    type_id     TEXT NOT NULL,
    every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 8),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    starts      TEXT NOT NULL,
    ends        TEXT NOT NULL,
    CHECK (starts <= ends),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, type_id) REFERENCES waste_types (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE waste_rule_exceptions (
    tenant_id TEXT NOT NULL,
    rule_id   TEXT NOT NULL,
    day       TEXT NOT NULL,
    moved_to  TEXT NULL,
    PRIMARY KEY (tenant_id, rule_id, day),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES waste_rules (tenant_id, id) ON DELETE CASCADE
);

