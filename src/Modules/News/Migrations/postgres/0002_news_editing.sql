-- Editing by staff: drafts (no publication time yet), scheduled unpublishing, a version for
-- optimistic concurrency, and images owned by the module (re-encoded bytes, never the upload).
CREATE TABLE news_images (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    width        integer NOT NULL,
    height       integer NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

ALTER TABLE news_articles ALTER COLUMN published_at DROP NOT NULL;
ALTER TABLE news_articles ADD COLUMN unpublish_at timestamptz NULL;
ALTER TABLE news_articles ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE news_articles ADD COLUMN image_id uuid NULL;
ALTER TABLE news_articles ADD COLUMN image_alt text NULL;
ALTER TABLE news_articles ADD FOREIGN KEY (tenant_id, image_id) REFERENCES news_images (tenant_id, id);

ALTER TABLE news_images ENABLE ROW LEVEL SECURITY;
ALTER TABLE news_images FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON news_images
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
