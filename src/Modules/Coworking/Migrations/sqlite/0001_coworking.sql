CREATE TABLE coworking_spaces (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    street       TEXT NOT NULL CHECK (length(street) BETWEEN 1 AND 120),
    postal_code  TEXT NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 10),
    city         TEXT NOT NULL CHECK (length(city) BETWEEN 1 AND 80),
    access_notes TEXT NULL CHECK (length(access_notes) <= 2000),
    house_rules  TEXT NOT NULL CHECK (length(house_rules) BETWEEN 1 AND 4000),
    cancel_hours INTEGER NOT NULL CHECK (cancel_hours BETWEEN 0 AND 720),
    pass_cents   INTEGER NOT NULL CHECK (pass_cents BETWEEN 0 AND 1000000),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE coworking_hours (
    tenant_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    space_id      TEXT NOT NULL,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_minute  INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, space_id, weekday),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE coworking_workplaces (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    space_id       TEXT NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    kind           TEXT NOT NULL CHECK (kind IN ('desk', 'room')),
    capacity       INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    monitor        INTEGER NOT NULL,
    standing_desk  INTEGER NOT NULL,
    quiet_zone     INTEGER NOT NULL,
    hour_cents     INTEGER NOT NULL CHECK (hour_cents BETWEEN 0 AND 1000000),
    half_day_cents INTEGER NOT NULL CHECK (half_day_cents BETWEEN 0 AND 1000000),
    day_cents      INTEGER NOT NULL CHECK (day_cents BETWEEN 0 AND 1000000),
    active         INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, space_id, name),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id)
);

CREATE TABLE coworking_passes (
    tenant_id   TEXT NOT NULL,
    id          TEXT NOT NULL,
    space_id    TEXT NOT NULL,
    account_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    days        INTEGER NOT NULL CHECK (days BETWEEN 1 AND 100),
    -- A pass never goes below zero days, even if two bookings race for its last day.
    days_used   INTEGER NOT NULL CHECK (days_used >= 0),
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    payment     TEXT NOT NULL CHECK (payment IN ('on-site', 'invoice')),
    created_at  TEXT NOT NULL,
    CHECK (days_used <= days),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id)
);
CREATE INDEX ix_coworking_passes_account ON coworking_passes (tenant_id, account_id);

CREATE TABLE coworking_bookings (
    tenant_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    space_id      TEXT NOT NULL,
    workplace_id  TEXT NOT NULL,
    account_id    TEXT NOT NULL,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    start_utc     TEXT NOT NULL,
    end_utc       TEXT NOT NULL,
    span          TEXT NOT NULL CHECK (span IN ('hours', 'morning', 'afternoon', 'day')),
    payment       TEXT NOT NULL CHECK (payment IN ('on-site', 'invoice', 'pass')),
    price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
    pass_id       TEXT NULL,
    created_at    TEXT NOT NULL,
    cancelled_at  TEXT NULL,
    checked_in_at TEXT NULL,
    CHECK (start_utc < end_utc),
    CHECK ((payment = 'pass') = (pass_id IS NOT NULL)),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, workplace_id) REFERENCES coworking_workplaces (tenant_id, id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES coworking_spaces (tenant_id, id),
    FOREIGN KEY (tenant_id, pass_id) REFERENCES coworking_passes (tenant_id, id)
);
CREATE INDEX ix_coworking_bookings_account ON coworking_bookings (tenant_id, account_id);
CREATE INDEX ix_coworking_bookings_start ON coworking_bookings (tenant_id, space_id, start_utc);

-- The promise on SQLite: a database without exclusion constraints, but with one writer at a time.
-- These triggers run inside the writing transaction, which holds SQLite's single write lock from
-- its check to its commit, so no other writer can slip an overlapping booking in between: the
-- check and the insert are one atomic step, whatever the application did or did not check first.
-- Times are stored as ISO text in one format (whole minutes, UTC), so text order is time order;
-- end is exclusive ('<' on both sides), so 10-12 and 12-14 both stand.
CREATE TRIGGER coworking_bookings_no_overlap_insert BEFORE INSERT ON coworking_bookings
WHEN NEW.cancelled_at IS NULL AND EXISTS (
    SELECT 1 FROM coworking_bookings b
    WHERE b.tenant_id = NEW.tenant_id AND b.workplace_id = NEW.workplace_id AND b.cancelled_at IS NULL
      AND b.start_utc < NEW.end_utc AND NEW.start_utc < b.end_utc)
BEGIN
    SELECT RAISE(ABORT, 'coworking_bookings_no_overlap');
END;

CREATE TRIGGER coworking_bookings_no_overlap_update BEFORE UPDATE OF workplace_id, start_utc, end_utc, cancelled_at ON coworking_bookings
WHEN NEW.cancelled_at IS NULL AND EXISTS (
    SELECT 1 FROM coworking_bookings b
    WHERE b.tenant_id = NEW.tenant_id AND b.workplace_id = NEW.workplace_id AND b.cancelled_at IS NULL AND b.id <> NEW.id
      AND b.start_utc < NEW.end_utc AND NEW.start_utc < b.end_utc)
BEGIN
    SELECT RAISE(ABORT, 'coworking_bookings_no_overlap');
END;
