-- Control plane: the registry of towns. Not tenant-scoped (read through the registry path only),
-- so these tables carry no row-level security; see docs/adr/0002-data-isolation.md.
CREATE TABLE platform_tenants (
    id              uuid PRIMARY KEY,
    slug            text NOT NULL UNIQUE,
    name            text NOT NULL,
    kind            text NOT NULL,
    state           text NOT NULL CHECK (state IN ('provisioning', 'active', 'suspended', 'disabled', 'archived')),
    version         bigint NOT NULL,
    is_demo         boolean NOT NULL,
    theme           text NOT NULL,
    primary_color   text NOT NULL,
    secondary_color text NOT NULL,
    settings_json   text NOT NULL,
    contact_json    text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE platform_tenant_domains (
    host       text PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('custom', 'secondary')),
    verified   boolean NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_platform_tenant_domains_tenant ON platform_tenant_domains (tenant_id);

CREATE TABLE platform_tenant_features (
    tenant_id   uuid NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    feature_key text NOT NULL,
    enabled_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, feature_key)
);
