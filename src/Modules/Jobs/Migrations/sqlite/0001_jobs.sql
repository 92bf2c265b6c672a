CREATE TABLE jobs_postings (
    tenant_id       TEXT NOT NULL,
    id              TEXT NOT NULL,
    slug            TEXT NOT NULL,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    department      TEXT NOT NULL,
    description     TEXT NOT NULL,
    employment_type TEXT NOT NULL CHECK (employment_type IN ('full_time', 'part_time', 'temporary', 'apprenticeship', 'mini_job')),
    hours           TEXT NOT NULL,
    pay_group       TEXT NOT NULL,
    start_date      TEXT NULL,
    location        TEXT NOT NULL,
    contact         TEXT NOT NULL,
    deadline        TEXT NOT NULL,
    closes_at       TEXT NOT NULL,
    publish_at      TEXT NULL,
    unpublish_at    TEXT NULL,
    apply_url       TEXT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug)
);
CREATE INDEX ix_jobs_postings_open ON jobs_postings (tenant_id, closes_at);

CREATE TABLE jobs_applications (
    tenant_id    TEXT NOT NULL,
    id           TEXT NOT NULL,
    posting_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    email        TEXT NOT NULL,
    phone        TEXT NULL,
    cover_letter TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'invited', 'declined')),
    submitted_at TEXT NOT NULL,
    answered_at  TEXT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES jobs_postings (tenant_id, id)
);
CREATE INDEX ix_jobs_applications_posting ON jobs_applications (tenant_id, posting_id);

CREATE TABLE jobs_attachments (
    tenant_id      TEXT NOT NULL,
    id             TEXT NOT NULL,
    application_id TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    size           INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES jobs_applications (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_jobs_attachments_application ON jobs_attachments (tenant_id, application_id);
