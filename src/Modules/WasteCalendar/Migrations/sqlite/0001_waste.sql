CREATE TABLE waste_types (
    tenant_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    colour     TEXT NOT NULL,
    icon       TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE waste_areas (
    tenant_id TEXT NOT NULL,
    id        TEXT NOT NULL,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE waste_streets (
    tenant_id   TEXT NOT NULL,
    id          TEXT NOT NULL,
    area_id     TEXT NOT NULL,
    village     TEXT NOT NULL,
    street      TEXT NOT NULL CHECK (length(street) BETWEEN 1 AND 120),
    search_key  TEXT NOT NULL,
    from_number INTEGER NULL CHECK (from_number >= 0),
    to_number   INTEGER NULL CHECK (to_number >= 0),
    CHECK (from_number IS NULL OR to_number IS NULL OR from_number <= to_number),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_streets_key ON waste_streets (tenant_id, search_key);

CREATE TABLE waste_collections (
    tenant_id TEXT NOT NULL,
    area_id   TEXT NOT NULL,
    type_id   TEXT NOT NULL,
    day       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, area_id, type_id, day),
    FOREIGN KEY (tenant_id, area_id) REFERENCES waste_areas (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, type_id) REFERENCES waste_types (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_waste_collections_day ON waste_collections (tenant_id, area_id, day);
