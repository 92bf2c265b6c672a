-- The language the resident booked in: reminders and staff messages reach them in it, not in the
-- language of whoever triggers the mail (a job has none; staff may work in the other one).
ALTER TABLE appointments_bookings ADD COLUMN language TEXT NULL CHECK (language IN ('de', 'en'));
