-- Staff side: buffer after each booking, attendance, cancel message, special opening days and
-- further locations of a service (itinerant office hours). See the PostgreSQL script.
ALTER TABLE appointments_services ADD COLUMN buffer_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240);

ALTER TABLE appointments_bookings ADD COLUMN attendance TEXT NULL CHECK (attendance IN ('attended', 'no_show'));
ALTER TABLE appointments_bookings ADD COLUMN cancel_message TEXT NULL;

CREATE TABLE appointments_special_days (
    tenant_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    location_id   TEXT NOT NULL,
    day           TEXT NOT NULL,
    opens_minute  INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    note          TEXT NULL,
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);
CREATE INDEX ix_appointments_special_days_day ON appointments_special_days (tenant_id, location_id, day);

CREATE TABLE appointments_service_locations (
    tenant_id   TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    location_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, service_id, location_id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES appointments_services (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

CREATE UNIQUE INDEX ux_appointments_services_name ON appointments_services (tenant_id, name);
CREATE UNIQUE INDEX ux_appointments_locations_name ON appointments_locations (tenant_id, name);
