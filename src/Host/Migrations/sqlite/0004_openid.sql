-- OpenID Connect (OpenIddict): clients, grants and tokens of each town's own provider.
-- Tenant-owned (SQLite has walls one and two: the query filter and the SaveChanges check).
CREATE TABLE core_openid_applications (
    tenant_id                 TEXT NOT NULL,
    id                        TEXT NOT NULL,
    application_type          TEXT NULL,
    client_id                 TEXT NULL,
    client_secret             TEXT NULL,
    client_type               TEXT NULL,
    concurrency_token         TEXT NULL,
    consent_type              TEXT NULL,
    display_name              TEXT NULL,
    display_names             TEXT NULL,
    json_web_key_set          TEXT NULL,
    permissions               TEXT NULL,
    post_logout_redirect_uris TEXT NULL,
    properties                TEXT NULL,
    redirect_uris             TEXT NULL,
    requirements              TEXT NULL,
    settings                  TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, client_id)
);

CREATE TABLE core_openid_authorizations (
    tenant_id         TEXT NOT NULL,
    id                TEXT NOT NULL,
    application_id    TEXT NULL,
    concurrency_token TEXT NULL,
    creation_date     TEXT NULL,
    properties        TEXT NULL,
    scopes            TEXT NULL,
    status            TEXT NULL,
    subject           TEXT NULL,
    type              TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES core_openid_applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX core_openid_authorizations_subject ON core_openid_authorizations (tenant_id, subject);
CREATE INDEX core_openid_authorizations_application ON core_openid_authorizations (tenant_id, application_id);

CREATE TABLE core_openid_scopes (
    tenant_id         TEXT NOT NULL,
    id                TEXT NOT NULL,
    concurrency_token TEXT NULL,
    description       TEXT NULL,
    descriptions      TEXT NULL,
    display_name      TEXT NULL,
    display_names     TEXT NULL,
    name              TEXT NULL,
    properties        TEXT NULL,
    resources         TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE core_openid_tokens (
    tenant_id         TEXT NOT NULL,
    id                TEXT NOT NULL,
    application_id    TEXT NULL,
    authorization_id  TEXT NULL,
    concurrency_token TEXT NULL,
    creation_date     TEXT NULL,
    expiration_date   TEXT NULL,
    payload           TEXT NULL,
    properties        TEXT NULL,
    redemption_date   TEXT NULL,
    reference_id      TEXT NULL,
    status            TEXT NULL,
    subject           TEXT NULL,
    type              TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, reference_id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES core_openid_applications (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, authorization_id) REFERENCES core_openid_authorizations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX core_openid_tokens_subject ON core_openid_tokens (tenant_id, subject);
CREATE INDEX core_openid_tokens_application ON core_openid_tokens (tenant_id, application_id);
CREATE INDEX core_openid_tokens_authorization ON core_openid_tokens (tenant_id, authorization_id);

-- The provider's signing and encryption keys: one pair for the whole deployment, shared by every
-- node (control plane, no town). Private keys are protected with ASP.NET Core Data Protection.
CREATE TABLE platform_openid_keys (
    use         TEXT PRIMARY KEY CHECK (use IN ('signing', 'encryption')),
    protected   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
