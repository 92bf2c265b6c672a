CREATE TABLE appointments_locations (
    tenant_id              TEXT NOT NULL,
    id                     TEXT NOT NULL,
    name                   TEXT NOT NULL,
    street                 TEXT NOT NULL,
    postal_code            TEXT NOT NULL,
    city                   TEXT NOT NULL,
    accessibility_note     TEXT NULL,
    counters               INTEGER NOT NULL CHECK (counters BETWEEN 1 AND 100),
    slot_minutes           INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    minimum_notice_minutes INTEGER NOT NULL CHECK (minimum_notice_minutes >= 0),
    horizon_days           INTEGER NOT NULL CHECK (horizon_days BETWEEN 1 AND 730),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE appointments_services (
    tenant_id        TEXT NOT NULL,
    id               TEXT NOT NULL,
    location_id      TEXT NOT NULL,
    name             TEXT NOT NULL,
    description      TEXT NOT NULL,
    what_to_bring    TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    fee_note         TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_opening_hours (
    tenant_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    location_id   TEXT NOT NULL,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_minute  INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_closed_days (
    tenant_id   TEXT NOT NULL,
    location_id TEXT NOT NULL,
    day         TEXT NOT NULL,
    reason      TEXT NULL,
    PRIMARY KEY (tenant_id, location_id, day),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

-- The promise "never overbooked" lives here: booked only moves by a conditional UPDATE, and the
-- CHECK refuses any state beyond capacity even if code ever forgot the condition.
CREATE TABLE appointments_slot_counts (
    tenant_id   TEXT NOT NULL,
    location_id TEXT NOT NULL,
    start_utc   TEXT NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity >= 1),
    booked      INTEGER NOT NULL,
    CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (tenant_id, location_id, start_utc),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE TABLE appointments_bookings (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    service_id   TEXT NOT NULL,
    location_id  TEXT NOT NULL,
    start_utc    TEXT NOT NULL,
    end_utc      TEXT NOT NULL,
    name         TEXT NOT NULL,
    email        TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    cancelled_at TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES appointments_services (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);
CREATE INDEX ix_appointments_bookings_start ON appointments_bookings (tenant_id, location_id, start_utc);
