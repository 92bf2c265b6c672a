-- Which brand images a town has, so pages link only to images that exist. Towns created before
-- this migration were all seeded with a coat of arms; the logo is new.
ALTER TABLE platform_tenants ADD COLUMN has_coat_of_arms boolean NOT NULL DEFAULT true;
ALTER TABLE platform_tenants ALTER COLUMN has_coat_of_arms SET DEFAULT false;
ALTER TABLE platform_tenants ADD COLUMN has_logo boolean NOT NULL DEFAULT false;
