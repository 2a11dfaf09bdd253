CREATE INDEX idx_loans_member ON loans(member_id);
