CREATE TABLE appointments_locations (
    tenant_id              uuid NOT NULL,
    id                     uuid NOT NULL,
    name                   text NOT NULL,
    street                 text NOT NULL,
    postal_code            text NOT NULL,
    city                   text NOT NULL,
    accessibility_note     text NULL,
    counters               integer NOT NULL CHECK (counters BETWEEN 1 AND 100),
    slot_minutes           integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    minimum_notice_minutes integer NOT NULL CHECK (minimum_notice_minutes >= 0),
    horizon_days           integer NOT NULL CHECK (horizon_days BETWEEN 1 AND 730),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE appointments_services (
    tenant_id        uuid NOT NULL,
    id               uuid NOT NULL,
    location_id      uuid NOT NULL,
    name             text NOT NULL,
    description      text NOT NULL,
    what_to_bring    text NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    fee_note         text NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_opening_hours (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    location_id   uuid NOT NULL,
    weekday       integer NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_minute  integer NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute integer NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_closed_days (
    tenant_id   uuid NOT NULL,
    location_id uuid NOT NULL,
    day         date NOT NULL,
    reason      text NULL,
    PRIMARY KEY (tenant_id, location_id, day),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

-- The promise "never overbooked" lives here: booked only moves by a conditional UPDATE, and the
-- CHECK refuses any state beyond capacity even if code ever forgot the condition.
CREATE TABLE appointments_slot_counts (
    tenant_id   uuid NOT NULL,
    location_id uuid NOT NULL,
    start_utc   timestamptz NOT NULL,
    capacity    integer NOT NULL CHECK (capacity >= 1),
    booked      integer NOT NULL,
    CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (tenant_id, location_id, start_utc),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_bookings (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    service_id   uuid NOT NULL,
    location_id  uuid NOT NULL,
    start_utc    timestamptz NOT NULL,
    end_utc      timestamptz NOT NULL,
    name         text NOT NULL,
    email        text NOT NULL,
    token_hash   text NOT NULL,
    created_at   timestamptz NOT NULL,
    cancelled_at timestamptz NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES appointments_services (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);
CREATE INDEX ix_appointments_bookings_start ON appointments_bookings (tenant_id, location_id, start_utc);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['appointments_locations', 'appointments_services', 'appointments_opening_hours',
                             'appointments_closed_days', 'appointments_slot_counts', 'appointments_bookings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
