-- Support access to a town ("log in as"): control plane, see the PostgreSQL script.
CREATE TABLE platform_support_grants (
    id               TEXT PRIMARY KEY,
    tenant_id        TEXT NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    support_staff_id TEXT NOT NULL REFERENCES platform_staff (id),
    support_name     TEXT NOT NULL,
    reason           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    redeemed_at      TEXT NULL,
    ended_at         TEXT NULL
);
CREATE INDEX ix_platform_support_grants_tenant ON platform_support_grants (tenant_id, created_at DESC);
