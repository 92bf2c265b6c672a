-- Residents' side of the booking: holds confirmed by e-mail, reminders, a cap per e-mail address,
-- and one booking per submitted form (idempotency).

-- NULL: no cap. Counted per location over bookings not cancelled and not yet over.
ALTER TABLE appointments_locations ADD COLUMN max_active_bookings_per_email integer NULL
    CHECK (max_active_bookings_per_email BETWEEN 1 AND 100);

-- A hold (hold_expires_at set, confirmed_at NULL) blocks its cells like a booking until it is
-- confirmed or released; a release sets cancelled_at and released_at by the same conditional UPDATE.
ALTER TABLE appointments_bookings ADD COLUMN account_id uuid NULL;
ALTER TABLE appointments_bookings ADD COLUMN confirm_code_hash text NULL;
ALTER TABLE appointments_bookings ADD COLUMN hold_expires_at timestamptz NULL;
ALTER TABLE appointments_bookings ADD COLUMN confirmed_at timestamptz NULL;
ALTER TABLE appointments_bookings ADD COLUMN released_at timestamptz NULL;
ALTER TABLE appointments_bookings ADD COLUMN reminder_sent_at timestamptz NULL;
CREATE INDEX ix_appointments_bookings_holds ON appointments_bookings (tenant_id, hold_expires_at)
    WHERE confirmed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX ix_appointments_bookings_account ON appointments_bookings (tenant_id, account_id) WHERE account_id IS NOT NULL;

-- One row per e-mail address (SHA-256 of the lower-cased address, never the address): the booking
-- transaction locks it before counting, so two bookings for one address are counted one after the other.
CREATE TABLE appointments_email_guards (
    tenant_id  uuid NOT NULL,
    email_hash text NOT NULL,
    touched_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, email_hash)
);

-- One row per submitted booking form or API Idempotency-Key (hashed), written in the booking's
-- transaction: a second submit waits for the first and then finds its booking.
CREATE TABLE appointments_submissions (
    tenant_id  uuid NOT NULL,
    key_hash   text NOT NULL,
    booking_id uuid NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key_hash),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES appointments_bookings (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['appointments_email_guards', 'appointments_submissions'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
