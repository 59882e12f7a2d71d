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
  `created_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `patients`
--

LOCK TABLES `patients` WRITE;
/*!40000 ALTER TABLE `patients` DISABLE KEYS */;
INSERT INTO `patients` VALUES (1,'2638365','Patti','Friesen','2011-11-09','M','15-6852 Prairie Boulevard NW','Regina','SK','S9Y6B3','306-247-4744','6394232119','cfriesen@live.ca','376842688','565632124','2022-06-02 18:08'),(2,'2297544','Pam','Skirpan','1930-05-06','F','89 Elphinstone Tce','Estevan','SK','S7H6N1','6399397588','3062862785','pskirpan@videotron.ca',NULL,'399752889','2021-12-14 11:26'),(3,'4611786','Genevieve','Leblanc','1965-02-14','F','5692 Elphinstone Point W','Prince Albert','SK','S7V 4C2','6393044337','(306) 997-4430','genevievem55@icloud.com',NULL,'851402615','2020-06-25 09:45'),(4,'8308996','Dalis','Wilson','1955-10-25','F','6455 Portage Avenue NW','North Battleford','SK','S9R 5V2','3064900717',NULL,'wilson.dalis@icloud.com','193100252','267800835','2023-03-13 07:59'),(5,'8498754','Silla','Kosiek','2006-10-21','M','18-72 Robson Circle','Swift Current','SK','S8N 3P6','6392299079','(306) 936-0810','kosiek.silla@outlook.com','570822767','886122139','2023-04-04 13:27'),(6,'7632138','Seymour','Kelmendi','1941-02-19','M','5901 Scarth Cl','Brandon','MB','R1L 3R6','204-861-7075',NULL,'skelmendi@rogers.com',NULL,'897016874','2022-10-28 15:07'),(7,'3242594','Maynie','Cherrie','1947-11-05','F','35-9551 Portage Court','Saskatoon','SK','S7L 5K7','3067388962','6396210906',NULL,'156563041','834419793','2022-05-03 16:16'),(8,'8463027','Isabelle','Ortizcruz','1953-10-24','F','4970 Terrasse Sainte-Catherine','Gatineau','QC','H5T 5Z1','4387246417',NULL,'isabelle.ortizcruz@icloud.com','711491316','ORTI 5360 2463','2023-12-31 09:24'),(9,'4376741','Noyes','Bagge','1948-05-12','F','3787 Park Trail E','Regina','SK','S3Z 9J1','3065817358',NULL,'noyes.bagge@live.ca',NULL,'630552037','2023-07-27 08:48'),(10,'3390229','Sumiko','Malinich','1939-03-20','M','5853 Park Hill','Swift Current','SK','S3A6H6','3063166655','(639) 573-2663','sumikom74@outlook.com','528211675','719239699','2021-03-29 16:45'),(11,'4713610','Rigved','Pelletier','1984-12-11','F','4084 Park Hill','Lethbridge','AB','T0Z 7T3','780-657-7508',NULL,'rigved.pelletier@shaw.ca','278800214','415942594','2022-06-15 11:06'),(12,'0292871','Roscoe','Douty','1938-08-31','M','65 Oak Ga','Hamilton','ON','L2M 9S6','905-724-0782','5194320746','roscoed14@telus.net','335972204','4271124648','2022-08-15 08:02'),(13,'3740580','Delores','Li','1965-10-19','F','3040 Wascana Rge rd SE','Prince Albert','SK','S5T2E0','639-280-1323','6393073805',NULL,NULL,'504868446','2023-03-09 08:15'),(14,'1567498','John','Dobmeier','1955-12-12','M','1748 Cedar Piont','Regina','SK','S0G 0C0','6392673265',NULL,NULL,NULL,'713331003','2019-09-29 11:26'),(15,'7182166','Lanece','Snopek','1935-07-24','M','8498 Ruelle Sherbrooke','Sydney','NS','B8Y3C9','902-494-7144','(902) 406-0884',NULL,'343372116','8815516611','2024-01-20 10:41'),(16,'3563554','Greggory','Lee','1952-08-14','M','3899 Maple Park','Yorkton','SK','S2K5Z8','306-556-3870','(639) 393-1667','greggory.lee@outlook.com',NULL,'546431143','2022-11-21 17:02'),(17,'1418941','Bernon','Konst','1973-12-15','F','7945 Lorne Hl','Kelowna','BC','V6B1Y5','7783435654',NULL,'bernon.konst@yahoo.ca','952368298','9918437389','2023-08-21 18:30'),(18,'4794675','Life','Nguyen','2012-06-27','F','5819 Hill Street','Kamloops','BC','V7W9J3','604-417-1510','2509175944','nguyen.life@outlook.com','951571256','9039799347','2023-09-24 10:38'),(19,'8175094','Ronniya','Côté','1996-07-21','F','36-57 Whyte Concession','Moose Jaw','SK','S0L 8V0','3063035204',NULL,'ronniyac87@videotron.ca',NULL,'275546152','2024-02-16 15:24'),(20,'2354381','Treasie','Wilson','2018-11-26','F','2246 King Piont','Swift Current','SK','S8S 0W5','639-543-8077','6396192183','twilson@shaw.ca','699058780','517780887','2022-06-21 11:29'),(21,'5721752','Lizzy','Moulton','1972-10-08','F','1539 Granville Rise W','Estevan','SK','S1E 1R2','306-754-3719','(639) 786-6498','moulton.lizzy@live.ca',NULL,'906055636','2023-10-02 09:23'),(22,'6654597','Willis','Kohanim','1949-08-08','M','2532 Cedar Hill S','Weyburn','SK','S8E 7L2','3066220070','3067638157','wkohanim@sasktel.net',NULL,'267745451','2023-05-31 15:29'),(23,'3791791','Middie','Tuano','1935-04-20','F','9065 Hamilton Place','Moose Jaw','SK','S9E2H8','3069770475','6393747659','middie.tuano@live.ca','454204199','253796008','2021-06-19 08:32'),(24,'5879399','Aiken','Ouellet','1942-02-12','F','9582 Hill Crescent','Edmonton','AB','T1H2P6','403-391-4762','4035715488','aikeno50@hotmail.com',NULL,'758363745','2023-07-07 15:13'),(25,'2390982','Bart','Gieringer','1949-12-13','M','3443 Lorne St','Regina','SK','S4W 1P6','6396538242',NULL,'gieringer.bart@bell.net','782730840','355613425','2022-12-16 12:38'),(26,'5580671','Seananthony','Morowitz','2002-11-13','F','4741 Queen Avenue E','Moose Jaw','SK','S4T1H5','6396559325','(306) 372-0746','seananthonym95@videotron.ca',NULL,'552821497','2021-01-24 18:23');
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
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (1,'2638365','2021-01-26','Dr. Paul Kowalski','J45.20','Refill given, "see" chart, reviewed'),(2,'2638365','2021-12-30','Dr. Paul Kowalski','J45.20','Stable, no change'),(3,'2638365','2022-03-05','Dr. Daniel Cho','M54.5','Follow-up; call 306-247-4744 if worse'),(4,'2638365','2022-06-02','Dr. Marc Lapointe','J45.20','Seen 2022-06-02 for follow-up'),(5,'2297544','2021-12-14','Dr. Marc Lapointe','H66.90','Stable, no change'),(6,'4611786','2019-05-17','Dr. Anita Sharma',NULL,'Stable, no change'),(7,'4611786','2020-06-25','Dr. Daniel Cho',NULL,'Follow-up; call 639-304-4337 if worse'),(8,'8308996','2023-03-13','Dr. Omar Haddad',NULL,'Follow-up; call 306-490-0717 if worse'),(9,'8498754','2021-05-25','Dr. Paul Kowalski','E11.65','Stable, no change'),(10,'8498754','2021-07-10','Dr. Grace Okafor','E11.65','Follow-up; call 639-229-9079 if worse'),(11,'8498754','2023-04-04','Dr. Omar Haddad','E11.65','Seen 2023-04-04 for follow-up'),(12,'7632138','2021-12-05','Dr. Susan Reimer',NULL,'Refill given, "see" chart, reviewed'),(13,'7632138','2022-10-28','Dr. Omar Haddad',NULL,'Follow-up; call 204-861-7075 if worse'),(14,'3242594','2022-05-03','Dr. Daniel Cho','J30.2','Follow-up; call 306-738-8962 if worse'),(15,'8463027','2021-08-01','Dr. Anita Sharma','N95.0','Follow-up; call 438-724-6417 if worse'),(16,'8463027','2022-06-24','Dr. Grace Okafor','N95.0','Follow-up; call 438-724-6417 if worse'),(17,'8463027','2022-10-12','Dr. Anita Sharma','N95.0','Stable, no change'),(18,'8463027','2023-12-31','Dr. Marc Lapointe','N95.0','Seen 2023-12-31 for follow-up'),(19,'4376741','2019-01-24','Dr. Anita Sharma','B34.9','Refill given, "see" chart, reviewed'),(20,'4376741','2023-07-27','Dr. Paul Kowalski','B34.9','Follow-up; call 306-581-7358 if worse'),(21,'3390229','2021-03-29','Dr. Susan Reimer','R51','Follow-up; call 306-316-6655 if worse'),(22,'4713610','2020-03-02','Dr. Marc Lapointe','M81.0','Follow-up; call 780-657-7508 if worse'),(23,'4713610','2020-06-22','Dr. Anita Sharma','M81.0','Stable, no change'),(24,'4713610','2022-04-27','Dr. Omar Haddad','M81.0','Seen 2022-04-27 for follow-up'),(25,'4713610','2022-06-15','Dr. Emily Bartlett','M81.0','Stable, no change'),(26,'0292871','2022-03-30','Dr. Susan Reimer','M79.10','Stable, no change'),(27,'0292871','2022-05-02','Dr. Emily Bartlett','L20.9','Refill given, "see" chart, reviewed'),(28,'0292871','2022-08-15','Dr. Omar Haddad','M19.90','Seen 2022-08-15 for follow-up'),(29,'3740580','2019-11-23','Dr. Omar Haddad','I48.0','Refill given, "see" chart, reviewed'),(30,'3740580','2023-03-09','Dr. Grace Okafor','R51','Seen 2023-03-09 for follow-up'),(31,'1567498','2019-09-29','Dr. Grace Okafor',NULL,'Stable, no change'),(32,'7182166','2020-06-23','Dr. Omar Haddad','R51','Refill given, "see" chart, reviewed'),(33,'7182166','2021-05-26','Dr. Daniel Cho','R51','Seen 2021-05-26 for follow-up'),(34,'7182166','2024-01-20','Dr. Paul Kowalski','R51','Refill given, "see" chart, reviewed'),(35,'3563554','2020-03-31','Dr. Daniel Cho','E11.9','Refill given, "see" chart, reviewed'),(36,'3563554','2021-10-21','Dr. Grace Okafor','D64.9','Stable, no change'),(37,'3563554','2022-07-19','Dr. Emily Bartlett','E11.9','Seen 2022-07-19 for follow-up'),(38,'3563554','2022-11-21','Dr. Marc Lapointe','D64.9','Stable, no change'),(39,'1418941','2020-04-24','Dr. Grace Okafor','K57.30','Seen 2020-04-24 for follow-up'),(40,'1418941','2021-05-08','Dr. Emily Bartlett','K57.30','Refill given, "see" chart, reviewed');
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (41,'1418941','2023-08-21','Dr. Marc Lapointe','K57.30','Follow-up; call 778-343-5654 if worse'),(42,'4794675','2020-06-04','Dr. Omar Haddad',NULL,'Follow-up; call 604-417-1510 if worse'),(43,'4794675','2023-09-24','Dr. Marc Lapointe',NULL,'Follow-up; call 604-417-1510 if worse'),(44,'8175094','2022-10-19','Dr. Emily Bartlett',NULL,'Stable, no change'),(45,'8175094','2024-02-16','Dr. Grace Okafor',NULL,'Refill given, "see" chart, reviewed'),(46,'2354381','2020-01-09','Dr. Omar Haddad','F32.9','Seen 2020-01-09 for follow-up'),(47,'2354381','2022-06-21','Dr. Grace Okafor','F32.9','Follow-up; call 639-543-8077 if worse'),(48,'5721752','2021-03-31','Dr. Marc Lapointe',NULL,'Refill given, "see" chart, reviewed'),(49,'5721752','2023-07-28','Dr. Susan Reimer',NULL,'Refill given, "see" chart, reviewed'),(50,'5721752','2023-10-02','Dr. Omar Haddad',NULL,'Stable, no change'),(51,'6654597','2019-01-14','Dr. Susan Reimer','E55.9','Stable, no change'),(52,'6654597','2023-03-08','Dr. Emily Bartlett','R51','Refill given, "see" chart, reviewed'),(53,'6654597','2023-05-31','Dr. Daniel Cho','L40.9','Refill given, "see" chart, reviewed'),(54,'3791791','2021-06-19','Dr. Anita Sharma',NULL,'Stable, no change'),(55,'5879399','2019-11-16','Dr. Anita Sharma','K21.9','Seen 2019-11-16 for follow-up'),(56,'5879399','2020-05-10','Dr. Marc Lapointe','K21.9','Stable, no change'),(57,'5879399','2023-07-07','Dr. Emily Bartlett','K21.9','Refill given, "see" chart, reviewed'),(58,'2390982','2020-05-10','Dr. Emily Bartlett',NULL,'Refill given, "see" chart, reviewed'),(59,'2390982','2022-12-16','Dr. Marc Lapointe',NULL,'Follow-up; call 639-653-8242 if worse'),(60,'5580671','2020-04-16','Dr. Paul Kowalski','E11.65','Refill given, "see" chart, reviewed'),(61,'5580671','2020-10-17','Dr. Anita Sharma','E11.65','Follow-up; call 639-655-9325 if worse'),(62,'5580671','2021-01-24','Dr. Marc Lapointe','E11.65','Seen 2021-01-24 for follow-up');
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
INSERT INTO `lab_results` VALUES (1,'2638365','eGFR',68,'mL/min/1.73m2','2021-01-26 18:15:09'),(2,'2638365','LDL cholesterol','2.7','mmol/L','2021-01-26 17:45:42'),(3,'2638365','WBC','7.6','x10E9/L','2021-01-26 07:30:01'),(4,'2638365','Glucose fasting','9.4','mmol/L','2021-12-30 13:45:46'),(5,'2638365','Potassium','4.2','mmol/L','2021-12-30 12:15:21'),(6,'2638365','Hemoglobin A1c','5.1','%','2021-12-30 08:15:03'),(7,'2297544','Glucose fasting','5.1','mmol/L','2021-12-14 17:00:18'),(8,'4611786','Sodium',133,'mmol/L','2019-05-17 07:30:19'),(9,'4611786','ALT',56,'U/L','2019-05-17 15:15:07'),(10,'4611786','Creatinine',134,'umol/L','2019-05-17 08:00:59'),(11,'4611786','Sodium',133,'mmol/L','2020-06-25 11:00:49'),(12,'8308996','Sodium',135,'mmol/L','2023-03-13 18:30:45'),(13,'8308996','Hemoglobin A1c','8.5','%','2023-03-13 09:45:40'),(14,'8308996','eGFR',54,'mL/min/1.73m2','2023-03-13 15:45:57'),(15,'8498754','Hemoglobin',142,'g/L','2021-07-10 08:00:33'),(16,'8498754','Potassium','3.8','mmol/L','2023-04-04 14:30:31'),(17,'8498754','Hemoglobin',143,'g/L','2023-04-04 14:45:06'),(18,'7632138','Potassium','4.5','mmol/L','2022-10-28 13:15:24'),(19,'3242594','Glucose fasting','9.3','mmol/L','2022-05-03 10:30:30'),(20,'8463027','Sodium',140,'mmol/L','2021-08-01 17:45:25'),(21,'8463027','eGFR',66,'mL/min/1.73m2','2021-08-01 15:30:53'),(22,'8463027','Potassium','3.7','mmol/L','2022-06-24 08:00:41'),(23,'8463027','TSH','1.75','mU/L','2022-06-24 14:30:55'),(24,'8463027','Sodium',144,'mmol/L','2022-10-12 10:15:28'),(25,'8463027','Hemoglobin',109,'g/L','2023-12-31 13:30:23'),(26,'4376741','Hemoglobin A1c','4.7','%','2019-01-24 09:15:27'),(27,'4376741','Potassium','4.3','mmol/L','2019-01-24 09:30:57'),(28,'4376741','Hemoglobin A1c','8.7','%','2023-07-27 10:00:35'),(29,'4376741','WBC','9.3','x10E9/L','2023-07-27 07:45:05'),(30,'4376741','eGFR',48,'mL/min/1.73m2','2023-07-27 07:45:42'),(31,'3390229','Potassium','3.3','mmol/L','2021-03-29 11:45:45'),(32,'4713610','WBC','4.6','x10E9/L','2020-03-02 08:00:59'),(33,'4713610','eGFR',109,'mL/min/1.73m2','2020-06-22 08:45:19'),(34,'4713610','Hemoglobin',116,'g/L','2020-06-22 15:00:51'),(35,'4713610','Hemoglobin A1c','4.8','%','2022-04-27 13:30:08'),(36,'4713610','LDL cholesterol','4.5','mmol/L','2022-04-27 14:00:01'),(37,'4713610','LDL cholesterol','2.2','mmol/L','2022-06-15 07:15:32'),(38,'4713610','eGFR',79,'mL/min/1.73m2','2022-06-15 10:00:52'),(39,'4713610','Hemoglobin A1c','9.0','%','2022-06-15 08:15:38'),(40,'3740580','eGFR',74,'mL/min/1.73m2','2019-11-23 15:00:08');
INSERT INTO `lab_results` VALUES (41,'3740580','LDL cholesterol','3.3','mmol/L','2019-11-23 11:45:28'),(42,'3740580','TSH','0.34','mU/L','2019-11-23 11:15:20'),(43,'1567498','Hemoglobin',122,'g/L','2019-09-29 07:00:34'),(44,'1567498','WBC','6.4','x10E9/L','2019-09-29 17:45:19'),(45,'7182166','LDL cholesterol','3.5','mmol/L','2020-06-23 16:00:55'),(46,'7182166','ALT',43,'U/L','2024-01-20 08:00:27'),(47,'7182166','Hemoglobin',163,'g/L','2024-01-20 08:15:37'),(48,'3563554','Glucose fasting','7.7','mmol/L','2020-03-31 18:30:43'),(49,'3563554','Potassium','4.5','mmol/L','2020-03-31 14:30:11'),(50,'3563554','WBC','9.2','x10E9/L','2020-03-31 16:45:01'),(51,'3563554','eGFR',95,'mL/min/1.73m2','2021-10-21 11:45:37'),(52,'3563554','eGFR',50,'mL/min/1.73m2','2022-07-19 12:30:35'),(53,'1418941','Creatinine',92,'umol/L','2020-04-24 11:00:06'),(54,'1418941','TSH','3.4