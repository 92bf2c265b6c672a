-- Editing by staff: drafts (no publication time yet), scheduled unpublishing, a version for
-- optimistic concurrency, and images owned by the module (re-encoded bytes, never the upload).
-- SQLite cannot drop NOT NULL in place, so news_articles is rebuilt (nothing references it).
CREATE TABLE news_images (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content      BLOB NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE news_articles_new (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    slug         TEXT NOT NULL,
    title        TEXT NOT NULL,
    teaser       TEXT NOT NULL,
    body         TEXT NOT NULL,
    category_id  TEXT NULL,
    published_at TEXT NULL,
    urgent       INTEGER NOT NULL,
    urgent_until TEXT NULL,
    updated_at   TEXT NOT NULL,
    unpublish_at TEXT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    image_id     TEXT NULL,
    image_alt    TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, category_id) REFERENCES news_categories (tenant_id, id),
    FOREIGN KEY (tenant_id, image_id) REFERENCES news_images (tenant_id, id)
);
INSERT INTO news_articles_new (tenant_id, id, slug, title, teaser, body, category_id, published_at, urgent, urgent_until, updated_at)
    SELECT tenant_id, id, slug, title, teaser, body, category_id, published_at, urgent, urgent_until, updated_at FROM news_articles;
DROP TABLE news_articles;
ALTER TABLE news_articles_new RENAME TO news_articles;
CREATE INDEX ix_news_articles_published ON news_articles (tenant_id, published_at DESC);
