ALTER TABLE appointments_locations ADD COLUMN max_active_bookings_per_email INTEGER NULL
    CHECK (max_active_bookings_per_email BETWEEN 1 AND 100);

ALTER TABLE appointments_bookings ADD COLUMN account_id TEXT NULL;
ALTER TABLE appointments_bookings ADD COLUMN confirm_code_hash TEXT NULL;
ALTER TABLE appointments_bookings ADD COLUMN hold_expires_at TEXT NULL;
ALTER TABLE appointments_bookings ADD COLUMN confirmed_at TEXT NULL;
ALTER TABLE appointments_bookings ADD COLUMN released_at TEXT NULL;
ALTER TABLE appointments_bookings ADD COLUMN reminder_sent_at TEXT NULL;
CREATE INDEX ix_appointments_bookings_holds ON appointments_bookings (tenant_id, hold_expires_at)
    WHERE confirmed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX ix_appointments_bookings_account ON appointments_bookings (tenant_id, account_id) WHERE account_id IS NOT NULL;

CREATE TABLE appointments_email_guards (
    tenant_id  TEXT NOT NULL,
    email_hash TEXT NOT NULL,
    touched_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, email_hash)
);

CREATE TABLE appointments_submissions (
    tenant_id  TEXT NOT NULL,
    key_hash   TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key_hash),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES appointments_bookings (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
