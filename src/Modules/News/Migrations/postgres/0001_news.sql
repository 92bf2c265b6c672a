CREATE TABLE news_categories (
    tenant_id uuid NOT NULL,
    id        uuid NOT NULL,
    slug      text NOT NULL,
    name      text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug)
);

CREATE TABLE news_articles (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    slug         text NOT NULL,
    title        text NOT NULL,
    teaser       text NOT NULL,
    body         text NOT NULL,
    category_id  uuid NULL,
    published_at timestamptz NOT NULL,
    urgent       boolean NOT NULL,
    urgent_until timestamptz NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, category_id) REFERENCES news_categories (tenant_id, id)
);
CREATE INDEX ix_news_articles_published ON news_articles (tenant_id, published_at DESC);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['news_categories', 'news_articles'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
