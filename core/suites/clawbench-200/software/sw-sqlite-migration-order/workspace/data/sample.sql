BEGIN TRANSACTION;
CREATE TABLE deposits (
    id INTEGER PRIMARY KEY,
    loan_id INTEGER NOT NULL REFERENCES loans(id),
    amount_cents INTEGER NOT NULL,
    refunded INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE item_tags (
    item_id INTEGER NOT NULL REFERENCES items(id),
    tag_id INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (item_id, tag_id)
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL
, condition TEXT NOT NULL DEFAULT 'good', location TEXT);
INSERT INTO "items" VALUES(1,'Ladder #1','garden','worn','Shelf C8');
INSERT INTO "items" VALUES(2,'Ladder #2','sander','repair','Shelf B2');
INSERT INTO "items" VALUES(3,'Saw #3','drill','good','Shelf A5');
INSERT INTO "items" VALUES(4,'Drill #4','drill','good','Shelf E2');
INSERT INTO "items" VALUES(5,'Drill #5','drill','repair','Shelf A9');
INSERT INTO "items" VALUES(6,'Garden #6','kitchen','worn','Shelf D6');
INSERT INTO "items" VALUES(7,'Sander #7','clamp','good','Shelf C2');
INSERT INTO "items" VALUES(8,'Kitchen #8','saw','good','Shelf B4');
INSERT INTO "items" VALUES(9,'Garden #9','kitchen','worn','Shelf D2');
INSERT INTO "items" VALUES(10,'Garden #10','kitchen','repair','Shelf B4');
INSERT INTO "items" VALUES(11,'Kitchen #11','garden','good','Shelf A1');
INSERT INTO "items" VALUES(12,'Saw #12','clamp','good','Shelf C7');
INSERT INTO "items" VALUES(13,'Sander #13','kitchen','repair','Shelf A6');
INSERT INTO "items" VALUES(14,'Drill #14','clamp','repair','Shelf E7');
INSERT INTO "items" VALUES(15,'Ladder #15','kitchen','repair','Shelf A6');
INSERT INTO "items" VALUES(16,'Drill #16','clamp','good','Shelf D3');
INSERT INTO "items" VALUES(17,'Clamp #17','kitchen','good','Shelf B7');
INSERT INTO "items" VALUES(18,'Garden #18','drill','good','Shelf B2');
INSERT INTO "items" VALUES(19,'Clamp #19','ladder','good','Shelf C9');
INSERT INTO "items" VALUES(20,'Ladder #20','drill','repair','Shelf E1');
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    loaned_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_at TEXT
);
INSERT INTO "loans" VALUES(1,10,2,'2024-05-11','2024-05-25',NULL);
INSERT INTO "loans" VALUES(2,9,14,'2024-05-28','2024-06-04','2024-05-30 13:41');
INSERT INTO "loans" VALUES(3,8,2,'2024-05-07','2024-05-21',NULL);
INSERT INTO "loans" VALUES(4,14,7,'2024-06-26','2024-07-03',NULL);
INSERT INTO "loans" VALUES(5,18,5,'2024-05-21','2024-05-28','2024-05-28 17:29');
INSERT INTO "loans" VALUES(6,5,6,'2024-05-24','2024-05-31','2024-06-12 15:10');
INSERT INTO "loans" VALUES(7,6,9,'2024-05-11','2024-05-18','2024-05-30 15:43');
INSERT INTO "loans" VALUES(8,8,6,'2024-05-13','2024-06-03',NULL);
INSERT INTO "loans" VALUES(9,15,9,'2024-05-15','2024-05-22',NULL);
INSERT INTO "loans" VALUES(10,6,14,'2024-06-02','2024-06-23','2024-06-17 12:11');
INSERT INTO "loans" VALUES(11,5,4,'2024-06-08','2024-06-15','2024-06-28 11:52');
INSERT INTO "loans" VALUES(12,14,2,'2024-05-30','2024-06-13','2024-06-14 16:54');
INSERT INTO "loans" VALUES(13,4,2,'2024-06-26','2024-07-10','2024-07-13 11:31');
INSERT INTO "loans" VALUES(14,10,9,'2024-06-01','2024-06-15','2024-06-09 16:20');
INSERT INTO "loans" VALUES(15,8,10,'2024-05-12','2024-06-02',NULL);
INSERT INTO "loans" VALUES(16,16,5,'2024-05-10','2024-05-17','2024-05-25 18:15');
INSERT INTO "loans" VALUES(17,17,12,'2024-06-29','2024-07-06',NULL);
INSERT INTO "loans" VALUES(18,16,3,'2024-06-21','2024-06-28',NULL);
INSERT INTO "loans" VALUES(19,18,1,'2024-06-03','2024-06-24','2024-06-16 15:30');
INSERT INTO "loans" VALUES(20,2,6,'2024-06-25','2024-07-02','2024-07-08 17:29');
INSERT INTO "loans" VALUES(21,10,5,'2024-05-02','2024-05-09',NULL);
INSERT INTO "loans" VALUES(22,15,4,'2024-05-11','2024-06-01','2024-05-17 15:55');
INSERT INTO "loans" VALUES(23,5,7,'2024-05-17','2024-05-24',NULL);
INSERT INTO "loans" VALUES(24,12,2,'2024-06-24','2024-07-01','2024-07-08 15:21');
INSERT INTO "loans" VALUES(25,8,2,'2024-05-24','2024-05-31','2024-06-10 12:57');
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
, phone TEXT, contact_pref TEXT NOT NULL DEFAULT 'email');
INSERT INTO "members" VALUES(1,'Sami G.','member1@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(2,'Greta B.','member2@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(3,'Jun J.','member3@eastgate-tools.example','+44 7700 990652','sms');
INSERT INTO "members" VALUES(4,'Sami D.','member4@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(5,'Zane C.','member5@eastgate-tools.example','+44 7700 996472','sms');
INSERT INTO "members" VALUES(6,'Lena B.','member6@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(7,'Elif K.','member7@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(8,'Jun F.','member8@eastgate-tools.example','+44 7700 941842','email');
INSERT INTO "members" VALUES(9,'Chloe F.','member9@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(10,'Elif H.','member10@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(11,'Viktor D.','member11@eastgate-tools.example','+44 7700 997849','email');
INSERT INTO "members" VALUES(12,'Sami L.','member12@eastgate-tools.example','+44 7700 926812','sms');
INSERT INTO "members" VALUES(13,'Greta R.','member13@eastgate-tools.example','+44 7700 989934','sms');
INSERT INTO "members" VALUES(14,'Tove C.','member14@eastgate-tools.example',NULL,'email');
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
INSERT INTO "schema_migrations" VALUES(1,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(2,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(3,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(4,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(5,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(6,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(7,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(8,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(9,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(10,'2026-11-27 21:40:28');
INSERT INTO "schema_migrations" VALUES(11,'2026-11-27 21:40:28');
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE
);
CREATE INDEX idx_loans_member ON loans(member_id);
CREATE INDEX idx_loans_open_due ON loans(due_on) WHERE returned_at IS NULL;
COMMIT;
