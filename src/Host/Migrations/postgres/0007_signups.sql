-- Self-service signup: a municipality's request waits here until its e-mail address is confirmed;
-- the town is then provisioned with the signup's id as its own, so a retry finds its own town
-- and never takes over another one that got the same address in the meantime.
CREATE TABLE platform_signups (
    id             uuid        PRIMARY KEY,
    slug           text        NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{1,38}[a-z0-9])$'),
    municipality   text        NOT NULL CHECK (length(municipality) BETWEEN 2 AND 100),
    kind           text        NOT NULL,
    ags            text        NULL CHECK (ags ~ '^[0-9]{8}$'),
    federal_state  text        NOT NULL,
    admin_name     text        NOT NULL,
    admin_email    text        NOT NULL,
    password_hash  text        NOT NULL,
    features       text        NOT NULL,
    theme          text        NOT NULL,
    culture        text        NOT NULL CHECK (culture IN ('de', 'en')),
    token_hash     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    confirmed_at   timestamptz NULL,
    provisioned_at timestamptz NULL,
    lease_until    timestamptz NULL,
    failure        text        NULL
);
CREATE INDEX ix_platform_signups_slug ON platform_signups (slug);
CREATE INDEX ix_platform_signups_email ON platform_signups (lower(admin_email), created_at);
