"""Rules the seeded data must obey, evaluated in the target database."""
