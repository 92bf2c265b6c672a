-- Support access to a town ("log in as"): one row per grant, control plane like the registry
-- (the support console lists them across towns; the town-side session check reads one by id).
-- A grant is redeemed once (the single-use token), lasts 30 minutes, and can be ended early.
CREATE TABLE platform_support_grants (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    support_staff_id uuid NOT NULL REFERENCES platform_staff (id),
    support_name     text NOT NULL,
    reason           text NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    redeemed_at      timestamptz NULL,
    ended_at         timestamptz NULL
);
CREATE INDEX ix_platform_support_grants_tenant ON platform_support_grants (tenant_id, created_at DESC);
