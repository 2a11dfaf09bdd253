-- how members want to be contacted: 'email' or 'sms'
ALTER TABLE members ADD COLUMN contact_pref TEXT NOT NULL DEFAULT 'email';
