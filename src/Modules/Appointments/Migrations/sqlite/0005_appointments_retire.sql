-- A service the town no longer offers: hidden from residents and refused for new bookings, kept
-- (with its bookings) for the staff's plans, figures and exports; staff can offer it again.
ALTER TABLE appointments_services ADD COLUMN retired_at TEXT NULL;
