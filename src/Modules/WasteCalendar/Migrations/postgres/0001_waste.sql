CREATE TABLE waste_types (
    tenant_id  uuid NOT NULL,
    id         uuid NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    colour     text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
    icon       text NOT NULL,
    sort_order integer NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE waste_areas (
    tenant_id uuid NOT NULL,
    id        uuid NOT NULL,
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE waste_streets (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    area_id     uuid NOT NULL,
    village     text NOT NULL,
    street      text NOT NULL CHECK (length(street) BETWEEN 1 AND 120),
    search_key  text NOT NULL,
    from_number integer NULL CHECK (from_number >= 0),
    to_number   integer NULL CHECK (to_number >= 0),
    CHECK (from_number IS NULL OR to_number IS NULL OR from_number <= to_number),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_streets_key ON waste_streets (tenant_id, search_key);

CREATE TABLE waste_collections (
    tenant_id uuid NOT NULL,
    area_id   uuid NOT NULL,
    type_id   uuid NOT NULL,
    day       date NOT NULL,
    PRIMARY KEY (tenant_id, area_id, type_id, day),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, type_id) REFERENCES waste_types (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_collections_day ON waste_collections (tenant_id, area_id, day);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['waste_types', 'waste_areas', 'waste_streets', 'waste_collections'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
