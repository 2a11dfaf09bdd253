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
INSERT INTO "items" VALUES(1,'Saw #1','saw','good','Shelf D5');
INSERT INTO "items" VALUES(2,'Clamp #2','saw','repair','Shelf E8');
INSERT INTO "items" VALUES(3,'Kitchen #3','sander','repair','Shelf A9');
INSERT INTO "items" VALUES(4,'Ladder #4','clamp','repair','Shelf A3');
INSERT INTO "items" VALUES(5,'Saw #5','garden','worn','Shelf C8');
INSERT INTO "items" VALUES(6,'Saw #6','saw','repair','Shelf E5');
INSERT INTO "items" VALUES(7,'Clamp #7','kitchen','good','Shelf E1');
INSERT INTO "items" VALUES(8,'Garden #8','sander','repair','Shelf B4');
INSERT INTO "items" VALUES(9,'Drill #9','sander','good','Shelf D8');
INSERT INTO "items" VALUES(10,'Clamp #10','sander','good','Shelf B4');
INSERT INTO "items" VALUES(11,'Drill #11','clamp','good','Shelf D3');
INSERT INTO "items" VALUES(12,'Kitchen #12','kitchen','worn','Shelf A1');
INSERT INTO "items" VALUES(13,'Garden #13','garden','repair','Shelf D1');
INSERT INTO "items" VALUES(14,'Ladder #14','ladder','repair','Shelf C1');
INSERT INTO "items" VALUES(15,'Sander #15','sander','worn','Shelf B3');
INSERT INTO "items" VALUES(16,'Ladder #16','clamp','good','Shelf E4');
INSERT INTO "items" VALUES(17,'Clamp #17','saw','repair','Shelf C4');
INSERT INTO "items" VALUES(18,'Sander #18','ladder','good','Shelf D6');
INSERT INTO "items" VALUES(19,'Garden #19','drill','good','Shelf E1');
INSERT INTO "items" VALUES(20,'Kitchen #20','drill','worn','Shelf B2');
INSERT INTO "items" VALUES(21,'Garden #21','ladder','good','Shelf E1');
INSERT INTO "items" VALUES(22,'Saw #22','sander','good','Shelf D7');
INSERT INTO "items" VALUES(23,'Ladder #23','drill','worn','Shelf B3');
INSERT INTO "items" VALUES(24,'Garden #24','saw','repair','Shelf A2');
INSERT INTO "items" VALUES(25,'Drill #25','ladder','worn','Shelf B8');
INSERT INTO "items" VALUES(26,'Garden #26','sander','repair','Shelf D6');
INSERT INTO "items" VALUES(27,'Garden #27','ladder','good','Shelf C5');
INSERT INTO "items" VALUES(28,'Saw #28','clamp','worn','Shelf D7');
INSERT INTO "items" VALUES(29,'Drill #29','drill','good','Shelf A8');
INSERT INTO "items" VALUES(30,'Garden #30','clamp','worn','Shelf A2');
INSERT INTO "items" VALUES(31,'Saw #31','clamp','good','Shelf B9');
INSERT INTO "items" VALUES(32,'Clamp #32','drill','good','Shelf A1');
INSERT INTO "items" VALUES(33,'Garden #33','garden','good','Shelf D3');
INSERT INTO "items" VALUES(34,'Drill #34','saw','good','Shelf B6');
INSERT INTO "items" VALUES(35,'Saw #35','sander','repair','Shelf D8');
INSERT INTO "items" VALUES(36,'Garden #36','saw','good','Shelf B7');
INSERT INTO "items" VALUES(37,'Sander #37','sander','repair','Shelf D8');
INSERT INTO "items" VALUES(38,'Garden #38','drill','good','Shelf A4');
INSERT INTO "items" VALUES(39,'Sander #39','ladder','worn','Shelf E7');
INSERT INTO "items" VALUES(40,'Clamp #40','ladder','repair','Shelf E9');
INSERT INTO "items" VALUES(41,'Saw #41','kitchen','good','Shelf A7');
INSERT INTO "items" VALUES(42,'Garden #42','clamp','good','Shelf D4');
INSERT INTO "items" VALUES(43,'Drill #43','saw','repair','Shelf D6');
INSERT INTO "items" VALUES(44,'Ladder #44','ladder','good','Shelf E9');
INSERT INTO "items" VALUES(45,'Garden #45','ladder','good','Shelf C2');
INSERT INTO "items" VALUES(46,'Drill #46','ladder','good','Shelf B1');
INSERT INTO "items" VALUES(47,'Kitchen #47','clamp','good','Shelf A1');
INSERT INTO "items" VALUES(48,'Drill #48','clamp','good','Shelf E8');
INSERT INTO "items" VALUES(49,'Saw #49','ladder','good','Shelf E9');
INSERT INTO "items" VALUES(50,'Kitchen #50','ladder','good','Shelf A4');
INSERT INTO "items" VALUES(51,'Sander #51','drill','good','Shelf B8');
INSERT INTO "items" VALUES(52,'Clamp #52','sander','good','Shelf A9');
INSERT INTO "items" VALUES(53,'Kitchen #53','clamp','worn','Shelf B2');
INSERT INTO "items" VALUES(54,'Ladder #54','clamp','worn','Shelf D1');
INSERT INTO "items" VALUES(55,'Sander #55','garden','worn','Shelf E8');
INSERT INTO "items" VALUES(56,'Ladder #56','clamp','repair','Shelf C6');
INSERT INTO "items" VALUES(57,'Sander #57','saw','repair','Shelf A6');
INSERT INTO "items" VALUES(58,'Clamp #58','drill','good','Shelf D5');
INSERT INTO "items" VALUES(59,'Ladder #59','ladder','repair','Shelf C7');
INSERT INTO "items" VALUES(60,'Clamp #60','saw','repair','Shelf D4');
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    loaned_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_at TEXT
);
INSERT INTO "loans" VALUES(1,36,9,'2024-05-31','2024-06-07','2024-06-18 12:28');
INSERT INTO "loans" VALUES(2,53,5,'2024-06-22','2024-07-06','2024-07-06 14:30');
INSERT INTO "loans" VALUES(3,23,14,'2024-06-04','2024-06-11',NULL);
INSERT INTO "loans" VALUES(4,53,27,'2024-05-09','2024-05-16','2024-05-10 14:34');
INSERT INTO "loans" VALUES(5,21,4,'2024-06-22','2024-07-13','2024-07-03 11:51');
INSERT INTO "loans" VALUES(6,6,32,'2024-05-24','2024-05-31','2024-05-25 14:16');
INSERT INTO "loans" VALUES(7,3,21,'2024-06-01','2024-06-08',NULL);
INSERT INTO "loans" VALUES(8,24,25,'2024-05-26','2024-06-02','2024-06-04 12:46');
INSERT INTO "loans" VALUES(9,25,8,'2024-06-25','2024-07-02','2024-07-11 16:41');
INSERT INTO "loans" VALUES(10,40,20,'2024-06-08','2024-06-29','2024-06-16 12:43');
INSERT INTO "loans" VALUES(11,59,31,'2024-05-21','2024-06-04','2024-06-01 15:40');
INSERT INTO "loans" VALUES(12,43,33,'2024-06-26','2024-07-17','2024-07-15 10:25');
INSERT INTO "loans" VALUES(13,20,10,'2024-05-23','2024-05-30','2024-06-12 11:13');
INSERT INTO "loans" VALUES(14,12,19,'2024-06-22','2024-07-06',NULL);
INSERT INTO "loans" VALUES(15,40,26,'2024-05-07','2024-05-28',NULL);
INSERT INTO "loans" VALUES(16,37,37,'2024-05-18','2024-05-25',NULL);
INSERT INTO "loans" VALUES(17,13,21,'2024-06-28','2024-07-19','2024-07-05 15:39');
INSERT INTO "loans" VALUES(18,38,27,'2024-06-20','2024-06-27','2024-07-01 13:34');
INSERT INTO "loans" VALUES(19,38,28,'2024-05-14','2024-05-21','2024-05-22 11:43');
INSERT INTO "loans" VALUES(20,3,25,'2024-05-28','2024-06-18',NULL);
INSERT INTO "loans" VALUES(21,15,27,'2024-06-16','2024-06-30',NULL);
INSERT INTO "loans" VALUES(22,55,38,'2024-06-20','2024-06-27','2024-06-23 15:15');
INSERT INTO "loans" VALUES(23,51,34,'2024-05-15','2024-05-22','2024-05-20 13:51');
INSERT INTO "loans" VALUES(24,17,28,'2024-05-01','2024-05-15',NULL);
INSERT INTO "loans" VALUES(25,14,37,'2024-06-15','2024-06-29',NULL);
INSERT INTO "loans" VALUES(26,33,32,'2024-05-10','2024-05-17',NULL);
INSERT INTO "loans" VALUES(27,3,10,'2024-06-14','2024-06-21','2024-06-26 12:41');
INSERT INTO "loans" VALUES(28,41,29,'2024-06-20','2024-06-27',NULL);
INSERT INTO "loans" VALUES(29,25,14,'2024-06-29','2024-07-06','2024-07-04 14:49');
INSERT INTO "loans" VALUES(30,24,8,'2024-06-05','2024-06-12',NULL);
INSERT INTO "loans" VALUES(31,47,2,'2024-06-17','2024-07-01','2024-07-06 13:32');
INSERT INTO "loans" VALUES(32,44,5,'2024-05-30','2024-06-06','2024-06-08 11:57');
INSERT INTO "loans" VALUES(33,13,30,'2024-05-08','2024-05-29',NULL);
INSERT INTO "loans" VALUES(34,35,26,'2024-05-04','2024-05-11','2024-05-24 15:47');
INSERT INTO "loans" VALUES(35,13,28,'2024-06-02','2024-06-23','2024-06-20 17:55');
INSERT INTO "loans" VALUES(36,18,28,'2024-05-23','2024-06-06','2024-06-04 13:55');
INSERT INTO "loans" VALUES(37,57,30,'2024-05-26','2024-06-02','2024-06-05 16:48');
INSERT INTO "loans" VALUES(38,18,34,'2024-06-30','2024-07-07','2024-07-19 12:59');
INSERT INTO "loans" VALUES(39,8,10,'2024-06-12','2024-06-26','2024-06-25 15:33');
INSERT INTO "loans" VALUES(40,58,22,'2024-06-11','2024-06-25','2024-06-23 18:31');
INSERT INTO "loans" VALUES(41,22,23,'2024-06-21','2024-06-28','2024-07-08 18:58');
INSERT INTO "loans" VALUES(42,7,27,'2024-05-23','2024-06-06',NULL);
INSERT INTO "loans" VALUES(43,36,5,'2024-06-28','2024-07-05',NULL);
INSERT INTO "loans" VALUES(44,27,40,'2024-05-22','2024-06-05','2024-05-30 13:44');
INSERT INTO "loans" VALUES(45,22,10,'2024-05-20','2024-05-27','2024-05-23 12:43');
INSERT INTO "loans" VALUES(46,1,30,'2024-05-11','2024-05-18',NULL);
INSERT INTO "loans" VALUES(47,17,5,'2024-05-04','2024-05-18',NULL);
INSERT INTO "loans" VALUES(48,11,22,'2024-06-02','2024-06-16',NULL);
INSERT INTO "loans" VALUES(49,3,18,'2024-05-17','2024-05-31',NULL);
INSERT INTO "loans" VALUES(50,41,37,'2024-05-24','2024-05-31',NULL);
INSERT INTO "loans" VALUES(51,23,27,'2024-05-26','2024-06-02',NULL);
INSERT INTO "loans" VALUES(52,22,26,'2024-05-17','2024-05-24','2024-05-29 16:30');
INSERT INTO "loans" VALUES(53,11,36,'2024-05-26','2024-06-02','2024-06-03 10:15');
INSERT INTO "loans" VALUES(54,43,34,'2024-06-26','2024-07-03','2024-07-13 15:13');
INSERT INTO "loans" VALUES(55,16,15,'2024-05-07','2024-05-14','2024-05-13 18:33');
INSERT INTO "loans" VALUES(56,37,19,'2024-05-27','2024-06-03',NULL);
INSERT INTO "loans" VALUES(57,52,4,'2024-06-14','2024-06-21','2024-06-22 13:23');
INSERT INTO "loans" VALUES(58,2,26,'2024-05-13','2024-05-20','2024-05-23 18:50');
INSERT INTO "loans" VALUES(59,38,10,'2024-06-23','2024-06-30','2024-06-27 17:53');
INSERT INTO "loans" VALUES(60,36,39,'2024-05-08','2024-05-15','2024-05-20 10:32');
INSERT INTO "loans" VALUES(61,1,7,'2024-05-22','2024-05-29','2024-06-08 15:24');
INSERT INTO "loans" VALUES(62,2,13,'2024-06-26','2024-07-17','2024-06-27 17:24');
INSERT INTO "loans" VALUES(63,18,1,'2024-06-14','2024-06-21',NULL);
INSERT INTO "loans" VALUES(64,52,29,'2024-06-16','2024-07-07','2024-06-26 17:18');
INSERT INTO "loans" VALUES(65,53,33,'2024-06-22','2024-07-06',NULL);
INSERT INTO "loans" VALUES(66,27,40,'2024-05-26','2024-06-09',NULL);
INSERT INTO "loans" VALUES(67,39,35,'2024-06-17','2024-07-08',NULL);
INSERT INTO "loans" VALUES(68,48,3,'2024-06-28','2024-07-05','2024-07-05 17:21');
INSERT INTO "loans" VALUES(69,41,16,'2024-05-08','2024-05-15','2024-05-10 18:54');
INSERT INTO "loans" VALUES(70,44,18,'2024-05-31','2024-06-14',NULL);
INSERT INTO "loans" VALUES(71,40,29,'2024-05-21','2024-06-04',NULL);
INSERT INTO "loans" VALUES(72,13,9,'2024-05-27','2024-06-10','2024-06-11 11:54');
INSERT INTO "loans" VALUES(73,3,11,'2024-05-04','2024-05-25',NULL);
INSERT INTO "loans" VALUES(74,52,20,'2024-05-27','2024-06-03',NULL);
INSERT INTO "loans" VALUES(75,11,6,'2024-06-09','2024-06-23','2024-06-22 10:13');
INSERT INTO "loans" VALUES(76,12,33,'2024-06-30','2024-07-07',NULL);
INSERT INTO "loans" VALUES(77,21,8,'2024-06-26','2024-07-03','2024-07-01 13:31');
INSERT INTO "loans" VALUES(78,14,9,'2024-05-03','2024-05-17',NULL);
INSERT INTO "loans" VALUES(79,22,25,'2024-05-08','2024-05-15','2024-05-19 18:24');
INSERT INTO "loans" VALUES(80,44,20,'2024-05-11','2024-05-25',NULL);
INSERT INTO "loans" VALUES(81,37,31,'2024-06-10','2024-06-24','2024-06-20 18:59');
INSERT INTO "loans" VALUES(82,25,12,'2024-06-19','2024-06-26','2024-07-07 13:50');
INSERT INTO "loans" VALUES(83,19,20,'2024-06-06','2024-06-27','2024-06-09 10:42');
INSERT INTO "loans" VALUES(84,31,4,'2024-05-24','2024-06-07','2024-06-05 13:51');
INSERT INTO "loans" VALUES(85,22,19,'2024-05-05','2024-05-12',NULL);
INSERT INTO "loans" VALUES(86,35,9,'2024-06-23','2024-07-14',NULL);
INSERT INTO "loans" VALUES(87,59,25,'2024-05-16','2024-05-30',NULL);
INSERT INTO "loans" VALUES(88,42,22,'2024-06-22','2024-06-29','2024-06-23 13:21');
INSERT INTO "loans" VALUES(89,20,11,'2024-05-30','2024-06-06','2024-06-15 13:55');
INSERT INTO "loans" VALUES(90,40,16,'2024-05-06','2024-05-13','2024-05-17 12:15');
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
, phone TEXT, contact_pref TEXT NOT NULL DEFAULT 'email');
INSERT INTO "members" VALUES(1,'Lena L.','member1@eastgate-tools.example','+44 7700 986572','sms');
INSERT INTO "members" VALUES(2,'Elif S.','member2@eastgate-tools.example','+44 7700 935549','email');
INSERT INTO "members" VALUES(3,'Ben T.','member3@eastgate-tools.example','+44 7700 962402','sms');
INSERT INTO "members" VALUES(4,'Nora H.','member4@eastgate-tools.example','+44 7700 928541','email');
INSERT INTO "members" VALUES(5,'Hamza K.','member5@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(6,'Nora B.','member6@eastgate-tools.example','+44 7700 916932','sms');
INSERT INTO "members" VALUES(7,'Elif L.','member7@eastgate-tools.example','+44 7700 959058','sms');
INSERT INTO "members" VALUES(8,'Iris R.','member8@eastgate-tools.example','+44 7700 956279','sms');
INSERT INTO "members" VALUES(9,'Ben E.','member9@eastgate-tools.example','+44 7700 956210','email');
INSERT INTO "members" VALUES(10,'Hamza K.','member10@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(11,'Elif R.','member11@eastgate-tools.example','+44 7700 984440','email');
INSERT INTO "members" VALUES(12,'Uma G.','member12@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(13,'Ben P.','member13@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(14,'Nora A.','member14@eastgate-tools.example','+44 7700 930217','email');
INSERT INTO "members" VALUES(15,'Pia A.','member15@eastgate-tools.example','+44 7700 939778','email');
INSERT INTO "members" VALUES(16,'Chloe J.','member16@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(17,'Hamza J.','member17@eastgate-tools.example','+44 7700 966466','email');
INSERT INTO "members" VALUES(18,'Chloe G.','member18@eastgate-tools.example','+44 7700 954053','email');
INSERT INTO "members" VALUES(19,'Zane H.','member19@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(20,'Viktor C.','member20@eastgate-tools.example','+44 7700 976541','email');
INSERT INTO "members" VALUES(21,'Dev C.','member21@eastgate-tools.example','+44 7700 980354','sms');
INSERT INTO "members" VALUES(22,'Iris L.','member22@eastgate-tools.example','+44 7700 939957','sms');
INSERT INTO "members" VALUES(23,'Tove L.','member23@eastgate-tools.example','+44 7700 982857','sms');
INSERT INTO "members" VALUES(24,'Ada L.','member24@eastgate-tools.example','+44 7700 973028','email');
INSERT INTO "members" VALUES(25,'Lena G.','member25@eastgate-tools.example','+44 7700 980406','email');
INSERT INTO "members" VALUES(26,'Ben J.','member26@eastgate-tools.example','+44 7700 938372','sms');
INSERT INTO "members" VALUES(27,'Yara C.','member27@eastgate-tools.example','','sms');
INSERT INTO "members" VALUES(28,'Quentin L.','member28@eastgate-tools.example','+44 7700 969529','email');
INSERT INTO "members" VALUES(29,'Sami T.','member29@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(30,'Uma G.','member30@eastgate-tools.example','+44 7700 920898','email');
INSERT INTO "members" VALUES(31,'Nora K.','member31@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(32,'Quentin N.','member32@eastgate-tools.example',NULL,'sms');
INSERT INTO "members" VALUES(33,'Zane A.','member33@eastgate-tools.example','+44 7700 974933','sms');
INSERT INTO "members" VALUES(34,'Iris T.','member34@eastgate-tools.example','','email');
INSERT INTO "members" VALUES(35,'Chloe F.','member35@eastgate-tools.example','','sms');
INSERT INTO "members" VALUES(36,'Mateo M.','member36@eastgate-tools.example',NULL,'email');
INSERT INTO "members" VALUES(37,'Ada L.','member37@eastgate-tools.example','+44 7700 944281','email');
INSERT INTO "members" VALUES(38,'Iris N.','member38@eastgate-tools.example','+44 7700 995487','email');
INSERT INTO "members" VALUES(39,'Yara E.','member39@eastgate-tools.example','+44 7700 918117','email');
INSERT INTO "members" VALUES(40,'Lena N.','member40@eastgate-tools.example','+44 7700 969707','sms');
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
