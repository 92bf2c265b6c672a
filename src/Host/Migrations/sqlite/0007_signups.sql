-- Self-service signup: a municipality's request waits here until its e-mail address is confirmed;
-- the town is then provisioned with the signup's id as its own, so a retry finds its own town
-- and never takes over another one that got the same address in the meantime.
CREATE TABLE platform_signups (
    id             TEXT NOT NULL PRIMARY KEY,
    slug           TEXT NOT NULL,
    municipality   TEXT NOT NULL CHECK (length(municipality) BETWEEN 2 AND 100),
    kind           TEXT NOT NULL,
    ags            TEXT NULL CHECK (ags IS NULL OR (length(ags) = 8 AND ags NOT GLOB '*[^0-9]*')),
    federal_state  TEXT NOT NULL,
    admin_name     TEXT NOT NULL,
    admin_email    TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    features       TEXT NOT NULL,
    theme          TEXT NOT NULL,
    culture        TEXT NOT NULL CHECK (culture IN ('de', 'en')),
    token_hash     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    confirmed_at   TEXT NULL,
    provisioned_at TEXT NULL,
    lease_until    TEXT NULL,
    failure        TEXT NULL
);
CREATE INDEX ix_platform_signups_slug ON platform_signups (slug);
CREATE INDEX ix_platform_signups_email ON platform_signups (lower(admin_email), created_at);
