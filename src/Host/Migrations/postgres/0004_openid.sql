-- OpenID Connect (OpenIddict): clients, grants and tokens of each town's own provider.
-- Tenant-owned like everything else: a town's provider can only see and revoke its own rows.
CREATE TABLE core_openid_applications (
    tenant_id                 uuid NOT NULL,
    id                        uuid NOT NULL,
    application_type          text NULL,
    client_id                 text NULL,
    client_secret             text NULL,
    client_type               text NULL,
    concurrency_token         text NULL,
    consent_type              text NULL,
    display_name              text NULL,
    display_names             text NULL,
    json_web_key_set          text NULL,
    permissions               text NULL,
    post_logout_redirect_uris text NULL,
    properties                text NULL,
    redirect_uris             text NULL,
    requirements              text NULL,
    settings                  text NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, client_id)
);

CREATE TABLE core_openid_authorizations (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    application_id    uuid NULL,
    concurrency_token text NULL,
    creation_date     timestamptz NULL,
    properties        text NULL,
    scopes            text NULL,
    status            text NULL,
    subject           text NULL,
    type              text NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES core_openid_applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX core_openid_authorizations_subject ON core_openid_authorizations (tenant_id, subject);
CREATE INDEX core_openid_authorizations_application ON core_openid_authorizations (tenant_id, application_id);

CREATE TABLE core_openid_scopes (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    concurrency_token text NULL,
    description       text NULL,
    descriptions      text NULL,
    display_name      text NULL,
    display_names     text NULL,
    name              text NULL,
    properties        text NULL,
    resources         text NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE core_openid_tokens (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    application_id    uuid NULL,
    authorization_id  uuid NULL,
    concurrency_token text NULL,
    creation_date     timestamptz NULL,
    expiration_date   timestamptz NULL,
    payload           text NULL,
    properties        text NULL,
    redemption_date   timestamptz NULL,
    reference_id      text NULL,
    status            text NULL,
    subject           text NULL,
    type              text NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, reference_id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES core_openid_applications (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, authorization_id) REFERENCES core_openid_authorizations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX core_openid_tokens_subject ON core_openid_tokens (tenant_id, subject);
CREATE INDEX core_openid_tokens_application ON core_openid_tokens (tenant_id, application_id);
CREATE INDEX core_openid_tokens_authorization ON core_openid_tokens (tenant_id, authorization_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['core_openid_applications', 'core_openid_authorizations', 'core_openid_scopes', 'core_openid_tokens'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;

-- The provider's signing and encryption keys: one pair for the whole deployment, shared by every
-- node (control plane, no town). Private keys are protected with ASP.NET Core Data Protection.
CREATE TABLE platform_openid_keys (
    use         text PRIMARY KEY CHECK (use IN ('signing', 'encryption')),
    protected   text NOT NULL,
    created_at  timestamptz NOT NULL
);
