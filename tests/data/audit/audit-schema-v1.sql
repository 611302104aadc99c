-- vipdeck audit store at schema version 1 (the first release), dumped with
-- 'sqlite3 audit.sqlite .dump': 5 records, the last intent incomplete.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE audit_schema (version INTEGER NOT NULL);
INSERT INTO audit_schema VALUES(1);
CREATE TABLE audit_record (id INTEGER PRIMARY KEY,kind TEXT NOT NULL CHECK (kind IN ('intent', 'completion')),intent_id INTEGER,recorded_at TEXT NOT NULL,operator TEXT NOT NULL,workstation TEXT NOT NULL,ssh_user TEXT NOT NULL,action TEXT NOT NULL,reason TEXT NOT NULL,state_before TEXT NOT NULL,state_after TEXT NOT NULL,results TEXT NOT NULL,prev_hash TEXT NOT NULL,hash TEXT NOT NULL);
INSERT INTO audit_record VALUES(1,'intent',NULL,'2025-11-03T09:15:00.000Z','alice','noc-ws3','vipdeck','drain','INC-4711 web-07 disk errors','{"admin":"READY"}','','[]','0000000000000000000000000000000000000000000000000000000000000000','63c2fc6ac5de7f844aaf046d2c65e72eb6fa68bba5da531e477b9e882c44e456');
INSERT INTO audit_record VALUES(2,'completion',1,'2025-11-03T09:15:02.000Z','alice','noc-ws3','vipdeck','drain','','','{"admin":"DRAIN"}','[{"backend":"be_typo3","host":"lb1","message":"DRAIN set","outcome":"ok","server":"web-07","vip":"typo3"},{"backend":"be_typo3","host":"lb2","message":"DRAIN set","outcome":"ok","server":"web-07","vip":"typo3"}]','63c2fc6ac5de7f844aaf046d2c65e72eb6fa68bba5da531e477b9e882c44e456','24a8afd5718f6a7d684cca0607b4367102b57f3b5c55c208e3a5d491ffd576d4');
INSERT INTO audit_record VALUES(3,'intent',NULL,'2025-11-03T09:15:32.000Z','bob','noc-ws3','vipdeck','reload','CHG-88 new certificate','{"admin":"READY"}','','[]','24a8afd5718f6a7d684cca0607b4367102b57f3b5c55c208e3a5d491ffd576d4','6ee73d0d29299d56ed4e937645cece0c8cc0502b4db2809ae5ad2c154171da54');
INSERT INTO audit_record VALUES(4,'completion',3,'2025-11-03T09:15:34.000Z','bob','noc-ws3','vipdeck','reload','','','{"admin":"DRAIN"}','[{"backend":"","host":"lb1","message":"configuration check failed: line 42","outcome":"failed","server":"","vip":"mail"}]','6ee73d0d29299d56ed4e937645cece0c8cc0502b4db2809ae5ad2c154171da54','7b7b3b19745ada7925b8dc69424cc690ad3efcce08e41638491bc59305f835af');
INSERT INTO audit_record VALUES(5,'intent',NULL,'2025-11-03T09:16:04.000Z','alice','noc-ws3','vipdeck','ready','INC-4711 disk replaced, "fixed"','{"admin":"READY"}','','[]','7b7b3b19745ada7925b8dc69424cc690ad3efcce08e41638491bc59305f835af','014d30f8325da20d4b91790da1e8cb65d26b5137300f1c00b767c7356f59d726');
CREATE TABLE audit_target (record_id INTEGER NOT NULL REFERENCES audit_record (id),position INTEGER NOT NULL,vip TEXT NOT NULL,host TEXT NOT NULL,backend TEXT NOT NULL,server TEXT NOT NULL,PRIMARY KEY (record_id, position));
INSERT INTO audit_target VALUES(1,0,'typo3','lb1','be_typo3','web-07');
INSERT INTO audit_target VALUES(1,1,'typo3','lb2','be_typo3','web-07');
INSERT INTO audit_target VALUES(2,0,'typo3','lb1','be_typo3','web-07');
INSERT INTO audit_target VALUES(2,1,'typo3','lb2','be_typo3','web-07');
INSERT INTO audit_target VALUES(3,0,'mail','lb1','','');
INSERT INTO audit_target VALUES(4,0,'mail','lb1','','');
INSERT INTO audit_target VALUES(5,0,'typo3','lb1','be_typo3','web-07');
INSERT INTO audit_target VALUES(5,1,'typo3','lb2','be_typo3','web-07');
COMMIT;
