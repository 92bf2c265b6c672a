CREATE TABLE core_pages (
    tenant_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    key        TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

CREATE TABLE core_opening_hours (
    tenant_id   TEXT NOT NULL,
    id          TEXT NOT NULL,
    day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    note        TEXT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE core_media (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    key          TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content      BLOB NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);
