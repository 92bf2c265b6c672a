-- Accounts of a town (residents and staff), the town's audit log, and the vendor's support accounts.
CREATE TABLE core_accounts (
    tenant_id           TEXT NOT NULL,
    id                  TEXT NOT NULL,
    email               TEXT NOT NULL,
    normalized_email    TEXT NOT NULL,
    email_confirmed     INTEGER NOT NULL,
    display_name        TEXT NOT NULL,
    password_hash       TEXT NULL,
    security_stamp      TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('Resident', 'Editor', 'TenantAdmin')),
    two_factor_enabled  INTEGER NOT NULL,
    authenticator_key   TEXT NULL,
    last_totp_step      INTEGER NOT NULL DEFAULT 0,
    recovery_codes      TEXT NULL,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    lockout_end         TEXT NULL,
    preferred_culture   TEXT NULL,
    phone               TEXT NULL,
    created_at          TEXT NOT NULL,
    last_sign_in_at     TEXT NULL,
    disabled_at         TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, normalized_email)
);

CREATE TABLE core_audit_log (
    tenant_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    at         TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id   TEXT NULL,
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NULL,
    details    TEXT NULL,
    address    TEXT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX core_audit_log_at ON core_audit_log (tenant_id, at DESC);

CREATE TABLE platform_staff (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL,
    normalized_email    TEXT NOT NULL UNIQUE,
    email_confirmed     INTEGER NOT NULL,
    display_name        TEXT NOT NULL,
    password_hash       TEXT NULL,
    security_stamp      TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('Support', 'SupportAdmin')),
    two_factor_enabled  INTEGER NOT NULL,
    authenticator_key   TEXT NULL,
    last_totp_step      INTEGER NOT NULL DEFAULT 0,
    recovery_codes      TEXT NULL,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    lockout_end         TEXT NULL,
    preferred_culture   TEXT NULL,
    created_at          TEXT NOT NULL,
    last_sign_in_at     TEXT NULL,
    disabled_at         TEXT NULL
);
