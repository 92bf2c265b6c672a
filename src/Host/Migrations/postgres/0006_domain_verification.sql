-- A town's own domain is claimed with a DNS TXT token (the town proves it controls the name);
-- the platform checks DNS periodically and records what it last found.
ALTER TABLE platform_tenant_domains ADD COLUMN verification_token text NULL;
ALTER TABLE platform_tenant_domains ADD COLUMN last_checked_at timestamptz NULL;
ALTER TABLE platform_tenant_domains ADD COLUMN check_result text NULL;
