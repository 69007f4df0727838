-- One schema per service and one user per service that can touch only its own schema
-- (DESIGN.md section 2: no cross-service joins or foreign keys). Tables come from each
-- service's Flyway migrations. The passwords are local development credentials.
CREATE DATABASE IF NOT EXISTS concert_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS reservation_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS payment_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;

CREATE USER IF NOT EXISTS 'concert'@'%' IDENTIFIED BY 'concert';
CREATE USER IF NOT EXISTS 'reservation'@'%' IDENTIFIED BY 'reservation';
CREATE USER IF NOT EXISTS 'payment'@'%' IDENTIFIED BY 'payment';

GRANT ALL PRIVILEGES ON concert_db.* TO 'concert'@'%';
GRANT ALL PRIVILEGES ON reservation_db.* TO 'reservation'@'%';
GRANT ALL PRIVILEGES ON payment_db.* TO 'payment'@'%';
