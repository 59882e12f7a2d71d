-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: 10.20.0.15    Database: emr
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Table structure for table `patients`
--

DROP TABLE IF EXISTS `patients`;
CREATE TABLE `patients` (
  `id` int NOT NULL AUTO_INCREMENT,
  `mrn` varchar(16) DEFAULT NULL,
  `first_name` varchar(64) DEFAULT NULL,
  `last_name` varchar(64) DEFAULT NULL,
  `birth_date` date DEFAULT NULL,
  `sex` char(1) DEFAULT NULL,
  `street` varchar(64) DEFAULT NULL,
  `city` varchar(64) DEFAULT NULL,
  `province` char(2) DEFAULT NULL,
  `postal_code` varchar(7) DEFAULT NULL,
  `home_phone` varchar(64) DEFAULT NULL,
  `cell_phone` varchar(64) DEFAULT NULL,
  `email` varchar(64) DEFAULT NULL,
  `sin` char(9) DEFAULT NULL,
  `health_card_no` varchar(64) DEFAULT NULL,
  `height_cm` smallint DEFAULT NULL,
  `weight_kg` smallint DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `patients`
--

LOCK TABLES `patients` WRITE;
/*!40000 ALTER TABLE `patients` DISABLE KEYS */;
INSERT INTO `patients` VALUES (1,'5129255','Caswell','Friesen','1968-07-10','F','15-6852 Prairie Boulevard NW','Regina','SK','S9Y 6B3','306-247-4744','(306) 753-9353','cfriesen@live.ca','618190938','886579759',165,71,'2022-03-22 11:18'),(2,'7128755','Lucy','Bélanger','2009-12-17','F','4-5686 Cedar Av','Red Deer','AB','T4G 3R6','403-708-2725','(587) 762-2243','lucyb71@shaw.ca','732122338',NULL,184,95,'2023-10-26 12:11'),(3,'8022873','Azaria','Brown','1966-10-27','M','8900 Scarth Way','Weyburn','SK','S4W 5H5','3069908725','(639) 714-3654','abrown@telus.net',NULL,'438750047',166,72,'2023-07-14 13:11'),(4,'4781888','Jule','Ouellet','1959-03-18','M','7071 Railway Park','Moose Jaw','SK','S0N 8T7','3069206297','6398388392',NULL,'540242641','728897512',153,71,'2020-07-04 15:20'),(5,'7326629','Emmani','Friesen','1961-12-02','M','298 Albert Drive','Swift Current','SK','S8V 3T1','6398748110','6396023525','efriesen@rogers.com',NULL,'365020141',160,55,'2022-11-19 08:33'),(6,'0586729','Elouise','Gagnon','1995-07-11','M','7965 Main Heights','Moose Jaw','SK','S4G6P6','3065235428','(639) 968-6525','elouise.gagnon@live.ca','740410428','446853569',190,99,'2023-01-13 16:16'),(7,'0668138','Austin','Martin','1976-02-12','M','9923 Birch Green','Moose Jaw','SK','S5L 4A9','306-849-0397',NULL,'martin.austin@videotron.ca','529355752','283623616',180,118,'2023-12-15 13:01'),(8,'5337775','Asahel','Gadwah','2010-06-09','M','4812 King Crescent','Red Deer','AB','T1P 8H7','587-817-0103','7808105729','asahelg48@yahoo.ca',NULL,'193056526',154,74,'2023-06-18 11:20'),(9,'0910196','Sharnell','Bodenbender','1943-03-23','M','4506 Rochdale Wlk','Inuvik','NT','X3Y 4Z8','867-443-6099','8673862641',NULL,'518057880','662545877',168,114,'2023-03-11 12:22'),(10,'3042584','Morayma','Longan','1977-05-31','F','9214 Centennial Walk','Vancouver','BC','V3H0B0','604-744-6651','6043631718','mlongan@bell.net','792841405','9780667174',164,61,'2019-09-10 12:19'),(11,'4406749','Sion','Côté','1955-12-12','F','1748 Cedar Piont','Calgary','AB','T0G0C0','780-267-5954','7807461080','cote.sion@yahoo.ca','101471217','445564059',168,54,'2024-02-08 12:45'),(12,'2944585','Dickie','Onsurez','1948-10-05','F','1559 Lorne Hghts','Truro','NS','B3M4S8','9027136214',NULL,'donsurez@rogers.com',NULL,'1595827854',179,104,'2022-04-01 15:35'),(13,'3755444','Arly','Palominos','1983-02-24','M','4215 Main Piont','Estevan','SK','S9Y6K9','3064342035','6395201603','palominos.arly@bell.net','777096827','606710485',160,73,'2023-10-01 08:51'),(14,'3598735','Falon','Macmath','2013-12-28','F','4215 Main Piont','Estevan','SK','S9Y6K9','306-434-2035','(639) 509-7856','palominos.arly@bell.net','560195281','292327528',175,116,'2022-11-19 07:02'),(15,'2399163','Lloyd','Caparco','2000-01-02','M','33-2658 Robson By SE','Hamilton','ON','M8G7A8','647-493-5899','(647) 618-4535','lcaparco@yahoo.ca',NULL,'4911974238',189,128,'2020-02-19 10:06'),(16,'2856883','Alonzo','Bélanger','1974-12-10','F','8 King Avenue','Weyburn','SK','S8K 7E5','3062960740','(639) 676-9599','alonzo.belanger@telus.net',NULL,'993329764',151,129,'2023-09-16 07:14'),(17,'8947038','Mekenzi','Lee','1937-04-05','M','2655 Maple Hill','North Battleford','SK','S2Y 3Y7','639-933-7125',NULL,'mekenzi.lee@bell.net','199031055','451669347',155,92,'2022-11-17 15:56'),(18,'2426202','Sharnell','Bodenbender','1973-03-15','M','4506 Rochdale Wlk','Inuvik','NT','X3Y 4Z8','867-443-6099','8674148656','taylor.nancyjane@shaw.ca','200771590','272581771',151,51,'2021-01-23 11:00'),(19,'5121619','Isaiah','Bamonte','2006-05-03','M','907 Birch Pk N','St. John\'s','NL','A2R 4A7','7097769298','7092878466',NULL,NULL,'205949965726',171,115,'2023-10-03 15:46'),(20,'1995311','Elze','Chisamore','1948-04-26','M','101 King Path','Brandon','MB','R5Z0R3','204-248-0683','2048087531','echisamore@hotmail.com','491525507','195158598',152,79,'2022-11-22 17:39'),(21,'9339886','Keimara','Patel','2013-12-06','F','6356 Main Way','Yorkton','SK','S0K7Z0','306-846-2353','3064798192',NULL,'236915435','314558357',195,99,'2023-12-15 18:57'),(22,'4326663','Flo','Wilson','1935-01-06','M','8901 Spadina Park','Prince Albert','SK','S2H8A5','306-996-7234',NULL,NULL,'450101654','139666303',151,81,'2020-12-26 14:45'),(23,'4583005','Natisa','Kassai','1935-11-28','M','252 Portage Bay','Kamloops','BC','V0N1E1','6046998608','(604) 383-8854','natisak68@hotmail.com','431420447',NULL,150,89,'2022-01-28 07:58'),(24,'1576399','Maddelena','Borroel','1970-01-22','M','4298 Cedar Wy','Mississauga','ON','L2C 8P8','5194092771',NULL,'mborroel@videotron.ca','156561623','5615588471',167,98,'2022-11-24 08:36'),(25,'2081711','Viney','Kochen','1972-10-25','M','34 Park Wy S','London','ON','K1T6R8','6136240419','(613) 777-7572',NULL,'276728037','4680485671',155,76,'2019-07-28 17:05'),(26,'9513014','Jérôme','Bogner','1949-07-09','M','3234 Victoria Gate','Lethbridge','AB','T9R1Z2','4038556627','7809221869',NULL,'980508162','983497478',160,111,'2023-07-01 14:54');
/*!40000 ALTER TABLE `patients` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `visits`
--

DROP TABLE IF EXISTS `visits`;
CREATE TABLE `visits` (
  `id` int NOT NULL AUTO_INCREMENT,
  `patient_mrn` varchar(64) DEFAULT NULL,
  `visit_date` date DEFAULT NULL,
  `provider` varchar(64) DEFAULT NULL,
  `icd10` varchar(64) DEFAULT NULL,
  `notes` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `visits`
--

LOCK TABLES `visits` WRITE;
/*!40000 ALTER TABLE `visits` DISABLE KEYS */;
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (1,'5129255','2019-06-17','Dr. Marc Lapointe','I50.9','Stable, no change'),(2,'5129255','2022-03-22','Dr. Daniel Cho','M19.90','Follow-up; call 306-247-4744 if worse'),(3,'7128755','2019-09-15','Dr. Marc Lapointe',NULL,'Refill given, "see" chart, reviewed'),(4,'7128755','2022-11-15','Dr. Daniel Cho',NULL,'Refill given, "see" chart, reviewed'),(5,'7128755','2023-10-26','Dr. Susan Reimer',NULL,'Stable, no change'),(6,'8022873','2021-07-04','Dr. Susan Reimer','K21.9','Follow-up; call 306-990-8725 if worse'),(7,'8022873','2023-01-20','Dr. Omar Haddad','K21.9','Seen 2023-01-20 for follow-up'),(8,'8022873','2023-07-14','Dr. Anita Sharma','F17.210','Seen 2023-07-14 for follow-up'),(9,'4781888','2020-07-04','Dr. Grace Okafor',NULL,'Refill given, "see" chart, reviewed'),(10,'7326629','2020-05-11','Dr. Grace Okafor','E78.5','Refill given, "see" chart, reviewed'),(11,'7326629','2022-05-11','Dr. Daniel Cho','E78.5','Seen 2022-05-11 for follow-up'),(12,'7326629','2022-11-19','Dr. Paul Kowalski','D64.9','Seen 2022-11-19 for follow-up'),(13,'0586729','2019-06-15','Dr. Susan Reimer',NULL,'Refill given, "see" chart, reviewed'),(14,'0586729','2023-01-13','Dr. Paul Kowalski',NULL,'Seen 2023-01-13 for follow-up'),(15,'0668138','2021-05-23','Dr. Marc Lapointe',NULL,'Stable, no change'),(16,'0668138','2023-12-15','Dr. Marc Lapointe',NULL,'Seen 2023-12-15 for follow-up'),(17,'5337775','2019-05-10','Dr. Daniel Cho','E11.65','Stable, no change'),(18,'5337775','2019-07-27','Dr. Daniel Cho','H40.10','Seen 2019-07-27 for follow-up'),(19,'5337775','2021-04-15','Dr. Anita Sharma','E11.65','Stable, no change'),(20,'5337775','2023-06-18','Dr. Susan Reimer','H40.10','Follow-up; call 587-817-0103 if worse'),(21,'0910196','2019-01-04','Dr. Marc Lapointe',NULL,'Stable, no change'),(22,'0910196','2023-02-10','Dr. Paul Kowalski',NULL,'Refill given, "see" chart, reviewed'),(23,'0910196','2023-03-11','Dr. Grace Okafor',NULL,'Refill given, "see" chart, reviewed'),(24,'3042584','2019-09-10','Dr. Omar Haddad','N95.0','Seen 2019-09-10 for follow-up'),(25,'4406749','2020-10-19','Dr. Daniel Cho','N40.0','Seen 2020-10-19 for follow-up'),(26,'4406749','2023-04-25','Dr. Emily Bartlett','N40.0','Refill given, "see" chart, reviewed'),(27,'4406749','2024-02-08','Dr. Anita Sharma','E89.0','Stable, no change'),(28,'2944585','2019-09-16','Dr. Emily Bartlett','K57.92','Refill given, "see" chart, reviewed'),(29,'2944585','2020-04-18','Dr. Anita Sharma','D64.9','Stable, no change'),(30,'2944585','2022-04-01','Dr. Omar Haddad','D64.9','Stable, no change'),(31,'3755444','2023-10-01','Dr. Daniel Cho','R73.9','Refill given, "see" chart, reviewed'),(32,'3598735','2020-02-09','Dr. Marc Lapointe','M19.90','Stable, no change'),(33,'3598735','2021-10-09','Dr. Paul Kowalski','M19.90','Follow-up; call 306-434-2035 if worse'),(34,'3598735','2022-11-19','Dr. Paul Kowalski','M19.90','Refill given, "see" chart, reviewed'),(35,'2399163','2019-01-21','Dr. Daniel Cho','M79.10','Seen 2019-01-21 for follow-up'),(36,'2399163','2019-05-15','Dr. Grace Okafor','M79.10','Stable, no change'),(37,'2399163','2020-02-19','Dr. Paul Kowalski','J44.9','Refill given, "see" chart, reviewed'),(38,'2856883','2021-12-12','Dr. Paul Kowalski',NULL,'Follow-up; call 306-296-0740 if worse'),(39,'2856883','2022-05-07','Dr. Daniel Cho',NULL,'Stable, no change'),(40,'2856883','2022-05-19','Dr. Omar Haddad',NULL,'Stable, no change');
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (41,'2856883','2023-09-16','Dr. Emily Bartlett',NULL,'Stable, no change'),(42,'8947038','2020-11-27','Dr. Susan Reimer','E66.01','Follow-up; call 639-933-7125 if worse'),(43,'8947038','2021-06-25','Dr. Daniel Cho','J44.9','Refill given, "see" chart, reviewed'),(44,'8947038','2021-10-27','Dr. Marc Lapointe','J44.9','Seen 2021-10-27 for follow-up'),(45,'8947038','2022-11-17','Dr. Emily Bartlett','E66.01','Refill given, "see" chart, reviewed'),(46,'2426202','2020-08-29','Dr. Daniel Cho','R10.9','Stable, no change'),(47,'2426202','2021-01-23','Dr. Paul Kowalski','R10.9','Seen 2021-01-23 for follow-up'),(48,'5121619','2023-10-03','Dr. Omar Haddad','G47.33','Follow-up; call 709-776-9298 if worse'),(49,'1995311','2021-07-03','Dr. Emily Bartlett',NULL,'Refill given, "see" chart, reviewed'),(50,'1995311','2022-11-22','Dr. Marc Lapointe',NULL,'Seen 2022-11-22 for follow-up'),(51,'9339886','2020-10-23','Dr. Marc Lapointe','F17.210','Seen 2020-10-23 for follow-up'),(52,'9339886','2022-10-07','Dr. Marc Lapointe','J18.9','Stable, no change'),(53,'9339886','2023-12-15','Dr. Anita Sharma','M17.0','Follow-up; call 306-846-2353 if worse'),(54,'4326663','2020-04-18','Dr. Anita Sharma','M81.0','Seen 2020-04-18 for follow-up'),(55,'4326663','2020-12-26','Dr. Daniel Cho','M81.0','Follow-up; call 306-996-7234 if worse'),(56,'4583005','2020-07-31','Dr. Grace Okafor','R07.89','Seen 2020-07-31 for follow-up'),(57,'4583005','2020-11-08','Dr. Omar Haddad','N95.0','Seen 2020-11-08 for follow-up'),(58,'4583005','2022-01-19','Dr. Anita Sharma','N95.0','Stable, no change'),(59,'4583005','2022-01-28','Dr. Emily Bartlett','N95.0','Follow-up; call 604-699-8608 if worse'),(60,'1576399','2019-08-17','Dr. Susan Reimer','M79.10','Follow-up; call 519-409-2771 if worse'),(61,'1576399','2021-07-09','Dr. Emily Bartlett','M79.10','Refill given, "see" chart, reviewed'),(62,'1576399','2022-07-23','Dr. Anita Sharma','I25.10','Follow-up; call 519-409-2771 if worse'),(63,'1576399','2022-11-24','Dr. Anita Sharma','M79.10','Refill given, "see" chart, reviewed'),(64,'2081711','2019-07-28','Dr. Grace Okafor','E89.0','Refill given, "see" chart, reviewed'),(65,'9513014','2020-03-08','Dr. Daniel Cho','N39.0','Seen 2020-03-08 for follow-up'),(66,'9513014','2021-12-30','Dr. Marc Lapointe','N39.0','Stable, no change'),(67,'9513014','2023-07-01','Dr. Emily Bartlett','N39.0','Follow-up; call 403-855-6627 if worse');
/*!40000 ALTER TABLE `visits` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `lab_results`
--

DROP TABLE IF EXISTS `lab_results`;
CREATE TABLE `lab_results` (
  `id` int NOT NULL AUTO_INCREMENT,
  `patient_mrn` varchar(64) DEFAULT NULL,
  `test_name` varchar(64) DEFAULT NULL,
  `result_value` varchar(64) DEFAULT NULL,
  `units` varchar(64) DEFAULT NULL,
  `collected_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `lab_results`
--

LOCK TABLES `lab_results` WRITE;
/*!40000 ALTER TABLE `lab_results` DISABLE KEYS */;
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (1,'7128755','Hemoglobin A1c','4.8','%','2019-09-15 12:45:36'),(2,'7128755','TSH','0.70','mU/L','2019-09-15 10:45:59'),(3,'7128755','WBC','5.1','x10E9/L','2019-09-15 16:45:04'),(4,'7128755','Hemoglobin A1c','6.3','%','2022-11-15 08:00:06'),(5,'8022873','TSH','1.46','mU/L','2021-07-04 11:00:31'),(6,'8022873','TSH','3.98','mU/L','2023-01-20 07:00:46'),(7,'4781888','Hemoglobin A1c','9.0','%','2020-07-04 18:00:13'),(8,'4781888','ALT',12,'U/L','2020-07-04 07:15:52'),(9,'7326629','TSH','1.85','mU/L','2020-05-11 16:15:39'),(10,'7326629','Glucose fasting','9.3','mmol/L','2020-05-11 16:45:25'),(11,'7326629','Potassium','5.3','mmol/L','2022-05-11 10:30:22'),(12,'7326629','Glucose fasting','5.4','mmol/L','2022-05-11 09:30:40'),(13,'7326629','Creatinine',77,'umol/L','2022-11-19 14:15:28'),(14,'7326629','Glucose fasting','4.1','mmol/L','2022-11-19 11:45:03'),(15,'0586729','eGFR',107,'mL/min/1.73m2','2019-06-15 11:15:34'),(16,'0586729','Glucose fasting','4.6','mmol/L','2023-01-13 10:45:19'),(17,'0586729','LDL cholesterol','2.8','mmol/L','2023-01-13 16:30:41'),(18,'0586729','Creatinine',72,'umol/L','2023-01-13 07:15:04'),(19,'0668138','ALT',22,'U/L','2021-05-23 08:15:47'),(20,'0668138','Hemoglobin A1c','6.7','%','2021-05-23 17:15:54'),(21,'0668138','Creatinine',85,'umol/L','2023-12-15 07:15:31'),(22,'0668138','Potassium','4.6','mmol/L','2023-12-15 09:00:34'),(23,'0668138','eGFR',91,'mL/min/1.73m2','2023-12-15 11:30:24'),(24,'5337775','WBC','9.6','x10E9/L','2019-05-10 10:45:00'),(25,'5337775','Sodium',145,'mmol/L','2019-07-27 11:15:54'),(26,'5337775','eGFR',61,'mL/min/1.73m2','2019-07-27 12:15:26'),(27,'5337775','WBC','8.4','x10E9/L','2019-07-27 11:30:20'),(28,'5337775','WBC','3.3','x10E9/L','2021-04-15 12:15:01'),(29,'5337775','eGFR',99,'mL/min/1.73m2','2021-04-15 15:30:47'),(30,'5337775','eGFR',67,'mL/min/1.73m2','2023-06-18 16:45:42'),(31,'5337775','Potassium','4.1','mmol/L','2023-06-18 07:15:05'),(32,'0910196','ALT',36,'U/L','2019-01-04 14:45:42'),(33,'0910196','WBC','6.5','x10E9/L','2019-01-04 10:45:57'),(34,'0910196','TSH','1.64','mU/L','2023-03-11 09:00:32'),(35,'3042584','eGFR',60,'mL/min/1.73m2','2019-09-10 14:00:00'),(36,'3042584','LDL cholesterol','4.8','mmol/L','2019-09-10 12:15:39'),(37,'3042584','Sodium',145,'mmol/L','2019-09-10 15:15:40'),(38,'4406749','Glucose fasting','8.2','mmol/L','2020-10-19 16:45:33'),(39,'4406749','WBC','6.4','x10E9/L','2020-10-19 08:00:12'),(40,'4406749','LDL cholesterol','3.9','mmol/L','2020-10-19 16:30:04');
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (41,'4406749','Hemoglobin A1c','7.5','%','2023-04-25 08:15:28'),(42,'4406749','Creatinine',45,'umol/L','2024-02-08 12:00:12'),(43,'4406749','WBC','5.0','x10E9/L','2024-02-08 16:45:17'),(44,'2944585','Sodium',134,'mmol/L','2019-09-16 10:30:25'),(45,'2944585','ALT',18,'U/L','2019-09-16 16:00:43'),(46,'2944585','Hemoglobin',145,'g/L','2020-04-18 13:15:16'),(47,'2944585','Creatinine',76,'umol/L','2022-04-01 13:45:06'),(48,'2944585','Potassium','3.6','mmol/L','2022-04-01 13:15:10'),(49,'3755444','LDL cholesterol','2.8','mmol/L','2023-10-01 09:30:09'),(50,'3755444','Hemoglobin',169,'g/L','2023-10-01 17:15:33'),(51,'3598735','eGFR',45,'mL/min/1.73m2','2020-02-09 18:15:31'),(52,'3598735','Hemoglobin A1c','6.7','%','2020-02-09 15:15:13'),(53,'3598735','LDL cholesterol','4.4','mmol/L','2020-02-09 10:15:09'),(54,'3598735','TSH','3.16','mU/L','2021-10-09 13:00:30'),(55,'3598735','LDL cholesterol','4.7','mmol/L','2021-10-09 12:30:41'),(56,'3598735','Glucose fasting','7.7','mmol/L','2021-10-09 17:00:14'),(57,'3598735','TSH','1.27','mU/L','2022-11-19 08:00:01'),(58,'2399163','Hemoglobin A1c','9.3','%','2019-01-21 17:00:36'),(59,'2399163','Glucose fasting','6.4','mmol/L','2019-01-21 16:00:06'),(60,'2399163','WBC','11.3','x10E9/L','2019-01-21 12:15:59'),(61,'2399163','Potassium','4.4','mmol/L','2019-05-15 16:45:33'),(62,'2399163','Creatinine',139,'umol/L','2019-05-15 12:30:46'),(63,'2856883','WBC','11.0','x10E9/L','2021-12-12 13:45:35'),(64,'2856883','Potassium','4.8','mmol/L','2021-12-12 15:15:49'),(65,'2856883','WBC','3.6','x10E9/L','2022-05-07 17:00:19'),(66,'2856883','LDL cholesterol','3.2','mmol/L','2022-05-07 10:15:10'),(67,'2856883','Potassium','4.7','mmol/L','2022-05-19 16:45:28'),(68,'2856883','WBC','3.2','x10E9/L','2022-05-19 10:45:50'),(69,'8947038','TSH','4.80','mU/L','2020-11-27 14:15:47'),(70,'8947038','Creatinine',61,'umol/L','2021-10-27 18:00:31'),(71,'8947038','LDL cholesterol','4.2','mmol/L','2021-10-27 13:45:45'),(72,'8947038','LDL cholesterol','2.2','mmol/L','2022-11-17 11:30:27'),(73,'2426202','ALT',33,'U/L','2020-08-29 18:30:45'),(74,'2426202','Hemoglobin',148,'g/L','2020-08-29 17:45:44'),(75,'2426202','Hemoglobin',130,'g/L','2021-01-23 07:45:31'),(76,'2426202','Potassium','4.4','mmol/L','2021-01-23 12:00:41'),(77,'5121619','LDL cholesterol','4.9','mmol/L','2023-10-03 14:15:34'),(78,'5121619','ALT',32,'U/L','2023-10-03 11:30:06'),(79,'1995311','Hemoglobin A1c','5.5','%','2021-07-03 14:45:04'),(80,'1995311','eGFR',81,'mL/min/1.73m2','2021-07-03 08:15:28');
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (81,'1995311','Sodium',136,'mmol/L','2021-07-03 14:30:30'),(82,'1995311','Creatinine',96,'umol/L','2022-11-22 15:30:33'),(83,'1995311','ALT',54,'U/L','2022-11-22 12:45:39'),(84,'1995311','Sodium',143,'mmol/L','2022-11-22 09:45:01'),(85,'9339886','Creatinine',65,'umol/L','2020-10-23 17:00:23'),(86,'9339886','WBC','8.4','x10E9/L','2022-10-07 11:15:22'),(87,'9339886','TSH','2.08','mU/L','2022-10-07 12:30:47'),(88,'9339886','eGFR',49,'mL/min/1.73m2','2022-10-07 13:45:38'),(89,'4326663','ALT',61,'U/L','2020-04-18 07:15:08'),(90,'4326663','Sodium',136,'mmol/L','2020-12-26 10:30:14'),(91,'4326663','Creatinine',76,'umol/L','2020-12-26 13:30:24'),(92,'4326663','eGFR',75,'mL/min/1.73m2','2020-12-26 09:45:37'),(93,'4583005','WBC','10.3','x10E9/L','2020-07-31 16:00:41'),(94,'4583005','Creatinine',129,'umol/L','2020-07-31 16:15:21'),(95,'4583005','eGFR',102,'mL/min/1.73m2','2020-07-31 18:00:46'),(96,'4583005','ALT',42,'U/L','2022-01-19 09:00:57'),(97,'4583005','ALT',74,'U/L','2022-01-28 18:30:23'),(98,'4583005','WBC','10.9','x10E9/L','2022-01-28 13:45:18'),(99,'1576399','Hemoglobin',138,'g/L','2019-08-17 13:30:12'),(100,'1576399','ALT',33,'U/L','2021-07-09 11:15:14'),(101,'1576399','WBC','3.3','x10E9/L','2022-07-23 14:30:11'),(102,'1576399','Sodium',135,'mmol/L','2022-07-23 14:00:13'),(103,'1576399','Glucose fasting','4.7','mmol/L','2022-11-24 14:00:26'),(104,'1576399','ALT',56,'U/L','2022-11-24 15:30:50'),(105,'9513014','Hemoglobin A1c','9.5','%','2020-03-08 08:00:49'),(106,'9513014','Potassium','4.1','mmol/L','2020-03-08 08:30:31'),(107,'9513014','eGFR',90,'mL/min/1.73m2','2020-03-08 10:45:05'),(108,'9513014','TSH','1.21','mU/L','2021-12-30 14:30:16'),(109,'9513014','WBC','3.6','x10E9/L','2021-12-30 09:45:08'),(110,'9513014','Glucose fasting','4.5','mmol/L','2023-07-01 07:15:44');
/*!40000 ALTER TABLE `lab_results` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;

-- Dump completed on 2024-03-14  4:12:09
