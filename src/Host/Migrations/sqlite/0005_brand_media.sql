-- Which brand images a town has, so pages link only to images that exist. Towns created before
-- this migration were all seeded with a coat of arms; the logo is new.
ALTER TABLE platform_tenants ADD COLUMN has_coat_of_arms INTEGER NOT NULL DEFAULT 1;
ALTER TABLE platform_tenants ADD COLUMN has_logo INTEGER NOT NULL DEFAULT 0;
