-- The promise "a desk is never booked twice" rests on the exclusion constraint of coworking_bookings,
-- which needs btree_gist for the equality parts (tenant_id, workplace_id) of a GiST index. The
-- extension is "trusted" (PostgreSQL 13+), so the owner role, which owns the database, may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE coworking_spaces (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    street       text NOT NULL CHECK (length(street) BETWEEN 1 AND 120),
    postal_code  text NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 10),
    city         text NOT NULL CHECK (length(city) BETWEEN 1 AND 80),
    access_notes text NULL CHECK (length(access_notes) <= 2000),
    house_rules  text NOT NULL CHECK (length(house_rules) BETWEEN 1 AND 4000),
    cancel_hours integer NOT NULL CHECK (cancel_hours BETWEEN 0 AND 720),
    pass_cents   integer NOT NULL CHECK (pass_cents BETWEEN 0 AND 1000000),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE coworking_hours (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    space_id      uuid NOT NULL,
    weekday       integer NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_minute  integer NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute integer NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, space_id, weekday),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE coworking_workplaces (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    space_id       uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    kind           text NOT NULL CHECK (kind IN ('desk', 'room')),
    capacity       integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    monitor        boolean NOT NULL,
    standing_desk  boolean NOT NULL,
    quiet_zone     boolean NOT NULL,
    hour_cents     integer NOT NULL CHECK (hour_cents BETWEEN 0 AND 1000000),
    half_day_cents integer NOT NULL CHECK (half_day_cents BETWEEN 0 AND 1000000),
    day_cents      integer NOT NULL CHECK (day_cents BETWEEN 0 AND 1000000),
    active         boolean NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, space_id, name),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id)
);

CREATE TABLE coworking_passes (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    space_id    uuid NOT NULL,
    account_id  uuid NOT NULL,
    name        text NOT NULL,
    email       text NOT NULL,
    days        integer NOT NULL CHECK (days BETWEEN 1 AND 100),
    -- A pass never goes below zero days, even if two bookings race for its last day.
    days_used   integer NOT NULL CHECK (days_used >= 0),
    price_cents integer NOT NULL CHECK (price_cents >= 0),
    payment     text NOT NULL CHECK (payment IN ('on-site', 'invoice')),
    created_at  timestamptz NOT NULL,
    CHECK (days_used <= days),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id)
);
CREATE INDEX ix_coworking_passes_account ON coworking_passes (tenant_id, account_id);

CREATE TABLE coworking_bookings (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    space_id      uuid NOT NULL,
    workplace_id  uuid NOT NULL,
    account_id    uuid NOT NULL,
    name          text NOT NULL,
    email         text NOT NULL,
    start_utc     timestamptz NOT NULL,
    end_utc       timestamptz NOT NULL,
    span          text NOT NULL CHECK (span IN ('hours', 'morning', 'afternoon', 'day')),
    payment       text NOT NULL CHECK (payment IN ('on-site', 'invoice', 'pass')),
    price_cents   integer NOT NULL CHECK (price_cents >= 0),
    pass_id       uuid NULL,
    created_at    timestamptz NOT NULL,
    cancelled_at  timestamptz NULL,
    checked_in_at timestamptz NULL,
    CHECK (start_utc < end_utc),
    CHECK ((payment = 'pass') = (pass_id IS NOT NULL)),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, workplace_id) REFERENCES coworking_workplaces (tenant_id, id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id),
    FOREIGN KEY (tenant_id, pass_id) REFERENCES coworking_passes (tenant_id, id),
    -- The promise: no two live bookings of one workplace overlap. '[)' makes the end exclusive, so
    -- 10-12 and 12-14 touch without overlapping and both stand. Concurrent inserts are serialized
    -- by the constraint's index, so of any number of racing overlapping requests exactly one wins.
    CONSTRAINT coworking_bookings_no_overlap EXCLUDE USING gist (
        tenant_id WITH =, workplace_id WITH =, tstzrange(start_utc, end_utc, '[)') WITH &&) WHERE (cancelled_at IS NULL)
);
CREATE INDEX ix_coworking_bookings_account ON coworking_bookings (tenant_id, account_id);
CREATE INDEX ix_coworking_bookings_start ON coworking_bookings (tenant_id, space_id, start_utc);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['coworking_spaces', 'coworking_hours', 'coworking_workplaces', 'coworking_passes', 'coworking_bookings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
