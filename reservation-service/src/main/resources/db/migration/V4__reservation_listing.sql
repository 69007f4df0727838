-- GET /reservations?status=: a fan's reservations of one status, newest first, as a range read even for a fan
-- with thousands of reservations (ix_reservation_user serves the listing without a status).
CREATE INDEX ix_reservation_user_status ON reservation (user_id, status, created_at);
