-- Control plane: the registry of towns (see the PostgreSQL script for the reasoning).
CREATE TABLE platform_tenants (
    id              TEXT PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('provisioning', 'active', 'suspended', 'disabled', 'archived')),
    version         INTEGER NOT NULL,
    is_demo         INTEGER NOT NULL,
    theme           TEXT NOT NULL,
    primary_color   TEXT NOT NULL,
    secondary_color TEXT NOT NULL,
    settings_json   TEXT NOT NULL,
    contact_json    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE platform_tenant_domains (
    host       TEXT PRIMARY KEY,
    tenant_id  TEXT NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('custom', 'secondary')),
    verified   INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_platform_tenant_domains_tenant ON platform_tenant_domains (tenant_id);

CREATE TABLE platform_tenant_features (
    tenant_id   TEXT NOT NULL REFERENCES platform_tenants (id) ON DELETE CASCADE,
    feature_key TEXT NOT NULL,
    enabled_at  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, feature_key)
);
