-- Staff side: a quiet time after each booking (buffer), attendance, the message of a cancel by staff,
-- special opening days (a date with its own hours), and further locations of a service (itinerant
-- office hours: a location with no weekly hours, open only on its special days).
ALTER TABLE appointments_services ADD COLUMN buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240);

ALTER TABLE appointments_bookings ADD COLUMN attendance text NULL CHECK (attendance IN ('attended', 'no_show'));
ALTER TABLE appointments_bookings ADD COLUMN cancel_message text NULL;

CREATE TABLE appointments_special_days (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    location_id   uuid NOT NULL,
    day           date NOT NULL,
    opens_minute  integer NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute integer NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    note          text NULL,
    CHECK (opens_minute < closes_minute),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);
CREATE INDEX ix_appointments_special_days_day ON appointments_special_days (tenant_id, location_id, day);

CREATE TABLE appointments_service_locations (
    tenant_id   uuid NOT NULL,
    service_id  uuid NOT NULL,
    location_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, service_id, location_id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES appointments_services (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES appointments_locations (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['appointments_special_days', 'appointments_service_locations'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;

-- Staff pick services and locations by name: two with one name would be a trap (and a double submit makes none).
CREATE UNIQUE INDEX ux_appointments_services_name ON appointments_services (tenant_id, name);
CREATE UNIQUE INDEX ux_appointments_locations_name ON appointments_locations (tenant_id, name);
