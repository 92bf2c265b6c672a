-- Accounts of a town (residents and staff) and the town's audit log: tenant-owned, behind RLS.
-- The vendor's support accounts: control plane (no tenant), reachable on the platform host only.
CREATE TABLE core_accounts (
    tenant_id           uuid NOT NULL,
    id                  uuid NOT NULL,
    email               text NOT NULL,
    normalized_email    text NOT NULL,
    email_confirmed     boolean NOT NULL,
    display_name        text NOT NULL,
    password_hash       text NULL,
    security_stamp      text NOT NULL,
    role                text NOT NULL CHECK (role IN ('Resident', 'Editor', 'TenantAdmin')),
    two_factor_enabled  boolean NOT NULL,
    authenticator_key   text NULL,
    last_totp_step      bigint NOT NULL DEFAULT 0,
    recovery_codes      text NULL,
    access_failed_count integer NOT NULL DEFAULT 0,
    lockout_end         timestamptz NULL,
    preferred_culture   text NULL,
    phone               text NULL,
    created_at          timestamptz NOT NULL,
    last_sign_in_at     timestamptz NULL,
    disabled_at         timestamptz NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, normalized_email)
);

CREATE TABLE core_audit_log (
    tenant_id  uuid NOT NULL,
    id         uuid NOT NULL,
    at         timestamptz NOT NULL,
    actor_kind text NOT NULL,
    actor_id   uuid NULL,
    actor_name text NOT NULL,
    action     text NOT NULL,
    target     text NULL,
    details    text NULL,
    address    text NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX core_audit_log_at ON core_audit_log (tenant_id, at DESC);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['core_accounts', 'core_audit_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;

CREATE TABLE platform_staff (
    id                  uuid PRIMARY KEY,
    email               text NOT NULL,
    normalized_email    text NOT NULL UNIQUE,
    email_confirmed     boolean NOT NULL,
    display_name        text NOT NULL,
    password_hash       text NULL,
    security_stamp      text NOT NULL,
    role                text NOT NULL CHECK (role IN ('Support', 'SupportAdmin')),
    two_factor_enabled  boolean NOT NULL,
    authenticator_key   text NULL,
    last_totp_step      bigint NOT NULL DEFAULT 0,
    recovery_codes      text NULL,
    access_failed_count integer NOT NULL DEFAULT 0,
    lockout_end         timestamptz NULL,
    preferred_culture   text NULL,
    created_at          timestamptz NOT NULL,
    last_sign_in_at     timestamptz NULL,
    disabled_at         timestamptz NULL
);
