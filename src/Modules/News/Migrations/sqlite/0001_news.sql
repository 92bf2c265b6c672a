CREATE TABLE news_categories (
    tenant_id TEXT NOT NULL,
    id        TEXT NOT NULL,
    slug      TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug)
);

CREATE TABLE news_articles (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    slug         TEXT NOT NULL,
    title        TEXT NOT NULL,
    teaser       TEXT NOT NULL,
    body         TEXT NOT NULL,
    category_id  TEXT NULL,
    published_at TEXT NOT NULL,
    urgent       INTEGER NOT NULL,
    urgent_until TEXT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, category_id) REFERENCES news_categories (tenant_id, id)
);
CREATE INDEX ix_news_articles_published ON news_articles (tenant_id, published_at DESC);
