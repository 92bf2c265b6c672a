CREATE TABLE jobs_postings (
    tenant_id       uuid NOT NULL,
    id              uuid NOT NULL,
    slug            text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    department      text NOT NULL CHECK (length(department) BETWEEN 1 AND 120),
    description     text NOT NULL,
    employment_type text NOT NULL CHECK (employment_type IN ('full_time', 'part_time', 'temporary', 'apprenticeship', 'mini_job')),
    hours           text NOT NULL,
    pay_group       text NOT NULL,
    start_date      date NULL,
    location        text NOT NULL,
    contact         text NOT NULL,
    deadline        date NOT NULL,
    closes_at       timestamptz NOT NULL,
    publish_at      timestamptz NULL,
    unpublish_at    timestamptz NULL,
    apply_url       text NULL CHECK (apply_url IS NULL OR apply_url ~ '^https?://'),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug)
);
CREATE INDEX ix_jobs_postings_open ON jobs_postings (tenant_id, closes_at);

CREATE TABLE jobs_applications (
    tenant_id    uuid NOT NULL,
    id           uuid NOT NULL,
    posting_id   uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email        text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone        text NULL,
    cover_letter text NOT NULL,
    status       text NOT NULL CHECK (status IN ('received', 'in_review', 'invited', 'declined')),
    submitted_at timestamptz NOT NULL,
    answered_at  timestamptz NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES jobs_postings (tenant_id, id)
);
CREATE INDEX ix_jobs_applications_posting ON jobs_applications (tenant_id, posting_id);
CREATE INDEX ix_jobs_applications_email ON jobs_applications (tenant_id, lower(email));

CREATE TABLE jobs_attachments (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    application_id uuid NOT NULL,
    file_name      text NOT NULL,
    size           bigint NOT NULL CHECK (size > 0 AND size <= 10485760),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES jobs_applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_jobs_attachments_application ON jobs_attachments (tenant_id, application_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['jobs_postings', 'jobs_applications', 'jobs_attachments'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;
