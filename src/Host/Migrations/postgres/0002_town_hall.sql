-- Core town content (always on): pages, opening hours, media. Tenant-owned: tenant_id leads every
-- key, and row-level security is enabled, forced, and checked on write.
CREATE TABLE core_pages (
    tenant_id  uuid NOT NULL,
    id         uuid NOT NULL,
    key        text NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

CREATE TABLE core_opening_hours (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    opens       text NOT NULL,
    closes      text NOT NULL,
    note        text NULL,
    position    integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE core_media (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    key          text NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['core_pages', 'core_opening_hours', 'core_media'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
