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
INSERT INTO `patients` VALUES (1,'5129255','Caswell','Friesen','1968-07-10','F','15-6852 Prairie Boulevard NW','Regina','SK','S9Y 6B3','3062474744','(306) 753-9353','cfriesen@live.ca','618190938','886579759',165,71,'2022-03-22 14:51'),(2,'7128755','Lucy','Bélanger','2009-12-17','F','4-5686 Cedar Av','Red Deer','AB','T4G3R6','403-708-2725','5877622243','lucyb71@shaw.ca','732122338','179244027',184,95,'2023-10-26 15:46'),(3,'8022873','Azaria','Brown','1966-10-27','M','8900 Scarth Way','Weyburn','SK','S4W5H5','306-990-8725','6397143654','abrown@telus.net',NULL,'438750047',166,72,'2023-07-14 09:43'),(4,'0807979','Alverta','Mcelmury','1964-12-14','F','3487 Oak Ga','Victoria','BC','V0P7Y8','778-630-2142','7787360306','alverta.mcelmury@outlook.com','991805888','9871803342',156,112,'2023-04-06 18:57'),(5,'4781888','Jule','Ouellet','1959-03-18','M','7071 Railway Park','Moose Jaw','SK','S0N8T7','306-920-6297','6398388392',NULL,'540242641','728897512',153,71,'2020-07-04 18:53'),(6,'7326629','Emmani','Friesen','1961-12-02','M','298 Albert Drive','Swift Current','SK','S8V3T1','6398748110','(639) 602-3525','efriesen@rogers.com',NULL,'365020141',160,55,'2022-11-19 14:02'),(7,'0586729','Elouise','Gagnon','1995-07-11','M','7965 Main Heights','Moose Jaw','SK','S4G 6P6','3065235428','(639) 968-6525','elouise.gagnon@live.ca','740410428','446853569',190,99,'2023-01-13 12:14'),(8,'5337775','Asahel','Gadwah','2010-06-09','M','4812 King Crescent','Red Deer','AB','T1P8H7','5878170103','(780) 810-5729','asahelg48@yahoo.ca',NULL,'193056526',154,74,'2023-06-18 15:53'),(9,'5237420','Fallie','Bogner','1949-07-09','F','3234 Victoria Gate','Lethbridge','AB','T9R1Z2','4038556627',NULL,'fbogner@gmail.com','365123306','905169786',191,101,'2021-05-21 14:54'),(10,'3042584','Morayma','Longan','1977-05-31','F','9214 Centennial Walk','Vancouver','BC','V3H 0B0','6047446651','(604) 363-1718','mlongan@bell.net','792841405','9780667174',164,61,'2019-09-10 15:22'),(11,'3755444','Arly','Palominos','1983-02-24','M','4215 Main Piont','Estevan','SK','S9Y 6K9','3064342035','(639) 520-1603','palominos.arly@bell.net','777096827','606710485',160,73,'2023-10-01 10:14'),(12,'3598735','Falon','Macmath','2013-12-28','F','4215 Main Piont','Estevan','SK','S9Y6K9','306-434-2035','6395097856','palominos.arly@bell.net','560195281','292327528',175,116,'2022-11-19 07:00'),(13,'3017630','Parthenia','Fett','1980-12-26','F','4122 Robson Path','North Battleford','SK','S5W4W5','6394081932','6395242090','parthenia.fett@gmail.com','789064102','792913078',156,71,'2024-02-16 18:36'),(14,'0360056','Rollo','Dagnino','1945-02-15','F','3-8161 Whyte Ldg','Swift Current','SK','S0A 9C6','6395189832','3066985181','dagnino.rollo@outlook.com','252676747','644099593',159,124,'2023-12-24 11:25'),(15,'3533352','Kaseen','Morby','1945-09-26','M','198 Scarth Boulevard','Weyburn','SK','S7W 9J3','306-417-1510','6399175944','morby.kaseen@outlook.com','951571256','154890103',186,110,'2023-05-15 17:55'),(16,'1360875','Benedict','Smith','1965-09-12','F','9664 Dewdney Place','Truro','NS','B1P 7R2','9026512345',NULL,'bsmith@outlook.com',NULL,'4195271606',178,91,'2021-09-04 09:14'),(17,'2856883','Alonzo','Bélanger','1974-12-10','F','8 King Avenue','Weyburn','SK','S8K7E5','3062960740','(639) 676-9599','alonzo.belanger@telus.net',NULL,'993329764',151,129,'2023-09-16 07:37'),(18,'9100053','Thom','Padrick','2001-04-28','F','4577 Elphinstone Vw','Prince Albert','SK','S4P4P6','6397385275','6399636236','thomp24@telus.net','415593532','700049746',169,116,'2023-08-18 12:21'),(19,'0581788','Ora','Gagnon','2005-10-08','M','2-6347 Cedar Court','Red Deer','AB','T2K2C3','7804762093','(403) 678-2608','gagnon.ora@live.ca','983372491','421818468',192,120,'2022-12-26 16:54'),(20,'8947038','Mekenzi','Lee','1937-04-05','M','2655 Maple Hill','North Battleford','SK','S2Y 3Y7','6399337125',NULL,'mekenzi.lee@bell.net','199031055','451669347',155,92,'2022-11-17 10:59'),(21,'2426202','Nancyjane','Taylor','1973-03-15','F','1933 Idylwyld Path','Yorkton','SK','S6J 1M0','639-569-3382','(639) 487-3229','taylor.nancyjane@shaw.ca','200771590','151494312',151,51,'2021-01-23 12:16'),(22,'1995311','Elze','Chisamore','1948-04-26','M','101 King Path','Brandon','MB','R5Z 0R3','204-248-0683','2048087531','echisamore@hotmail.com','491525507','195158598',152,79,'2022-11-22 08:36'),(23,'9339886','Keimara','Patel','2013-12-06','F','6356 Main Way','Yorkton','SK','S0K7Z0','3068462353','(306) 479-8192',NULL,'236915435','314558357',195,99,'2023-12-15 07:18'),(24,'5358595','Tennessee','Ezeani','1980-09-17','F','37-3223 Pasqua Cr','Mississauga','ON','M2A3L8','416-857-5290',NULL,'tennessee.ezeani@telus.net','620601955','8964700598',153,101,'2019-11-17 16:03'),(25,'4326663','Flo','Wilson','1935-01-06','M','8901 Spadina Park','Prince Albert','SK','S2H 8A5','3069967234',NULL,NULL,'450101654','139666303',151,81,'2020-12-26 16:58'),(26,'9513014','Jérôme','Hilst','2000-11-01','M','175 Allée des Érables','Weyburn','SK','S6X4M3','306-334-3399','6395828011',NULL,'980508162','202197204',160,111,'2023-07-01 08:09');
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
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (1,'5129255','2019-06-17','Dr. Paul Kowalski','I50.9','Follow-up; call 306-247-4744 if worse'),(2,'5129255','2022-03-22','Dr. Susan Reimer','I50.9','Seen 2022-03-22 for follow-up'),(3,'7128755','2019-09-15','Dr. Emily Bartlett',NULL,'Refill given, "see" chart, reviewed'),(4,'7128755','2022-11-15','Dr. Anita Sharma',NULL,'Seen 2022-11-15 for follow-up'),(5,'7128755','2023-10-26','Dr. Grace Okafor',NULL,'Seen 2023-10-26 for follow-up'),(6,'8022873','2021-07-04','Dr. Emily Bartlett','F17.210','Follow-up; call 306-990-8725 if worse'),(7,'8022873','2023-01-20','Dr. Grace Okafor','F17.210','Refill given, "see" chart, reviewed'),(8,'8022873','2023-07-14','Dr. Anita Sharma','F17.210','Refill given, "see" chart, reviewed'),(9,'0807979','2023-04-06','Dr. Anita Sharma',NULL,'Stable, no change'),(10,'4781888','2020-07-04','Dr. Marc Lapointe',NULL,'Stable, no change'),(11,'7326629','2020-05-11','Dr. Paul Kowalski','E78.5','Follow-up; call 639-874-8110 if worse'),(12,'7326629','2022-05-11','Dr. Paul Kowalski','D64.9','Refill given, "see" chart, reviewed'),(13,'7326629','2022-11-19','Dr. Daniel Cho','D64.9','Seen 2022-11-19 for follow-up'),(14,'0586729','2019-06-15','Dr. Grace Okafor',NULL,'Seen 2019-06-15 for follow-up'),(15,'0586729','2023-01-13','Dr. Grace Okafor',NULL,'Follow-up; call 306-523-5428 if worse'),(16,'5337775','2019-05-10','Dr. Omar Haddad','N39.0','Follow-up; call 587-817-0103 if worse'),(17,'5337775','2019-07-27','Dr. Marc Lapointe','N39.0','Follow-up; call 587-817-0103 if worse'),(18,'5337775','2021-04-15','Dr. Emily Bartlett','E11.65','Stable, no change'),(19,'5337775','2023-06-18','Dr. Emily Bartlett','E11.65','Seen 2023-06-18 for follow-up'),(20,'5237420','2021-03-08','Dr. Paul Kowalski','E55.9','Refill given, "see" chart, reviewed'),(21,'5237420','2021-05-21','Dr. Marc Lapointe','E55.9','Seen 2021-05-21 for follow-up'),(22,'3042584','2019-09-10','Dr. Omar Haddad','J45.20','Refill given, "see" chart, reviewed'),(23,'3755444','2023-10-01','Dr. Daniel Cho','E66.9','Stable, no change'),(24,'3598735','2020-02-09','Dr. Paul Kowalski','M19.90','Seen 2020-02-09 for follow-up'),(25,'3598735','2021-10-09','Dr. Omar Haddad','M19.90','Follow-up; call 306-434-2035 if worse'),(26,'3598735','2022-11-19','Dr. Emily Bartlett','M19.90','Follow-up; call 306-434-2035 if worse'),(27,'3017630','2019-07-26','Dr. Marc Lapointe',NULL,'Seen 2019-07-26 for follow-up'),(28,'3017630','2022-09-04','Dr. Marc Lapointe',NULL,'Follow-up; call 639-408-1932 if worse'),(29,'3017630','2023-05-06','Dr. Susan Reimer',NULL,'Refill given, "see" chart, reviewed'),(30,'3017630','2024-02-16','Dr. Daniel Cho',NULL,'Stable, no change'),(31,'0360056','2020-05-19','Dr. Anita Sharma','G47.33','Stable, no change'),(32,'0360056','2021-02-10','Dr. Emily Bartlett','G47.33','Stable, no change'),(33,'0360056','2021-03-04','Dr. Omar Haddad','L20.9','Stable, no change'),(34,'0360056','2023-12-24','Dr. Daniel Cho','G47.33','Seen 2023-12-24 for follow-up'),(35,'3533352','2020-06-19','Dr. Anita Sharma','F32.9','Refill given, "see" chart, reviewed'),(36,'3533352','2023-05-15','Dr. Paul Kowalski','H66.90','Stable, no change'),(37,'1360875','2019-08-25','Dr. Paul Kowalski','N18.3','Stable, no change'),(38,'1360875','2021-09-04','Dr. Anita Sharma','N18.3','Follow-up; call 902-651-2345 if worse'),(39,'2856883','2021-12-12','Dr. Emily Bartlett',NULL,'Stable, no change'),(40,'2856883','2022-05-07','Dr. Anita Sharma',NULL,'Follow-up; call 306-296-0740 if worse');
INSERT INTO `visits` (`id`,`patient_mrn`,`visit_date`,`provider`,`icd10`,`notes`) VALUES (41,'2856883','2022-05-19','Dr. Anita Sharma',NULL,'Follow-up; call 306-296-0740 if worse'),(42,'2856883','2023-09-16','Dr. Marc Lapointe',NULL,'Seen 2023-09-16 for follow-up'),(43,'9100053','2021-11-25','Dr. Emily Bartlett','R51','Refill given, "see" chart, reviewed'),(44,'9100053','2021-11-25','Dr. Omar Haddad','R51','Follow-up; call 639-738-5275 if worse'),(45,'9100053','2023-01-29','Dr. Marc Lapointe','D64.9','Stable, no change'),(46,'9100053','2023-08-18','Dr. Marc Lapointe','D64.9','Refill given, "see" chart, reviewed'),(47,'0581788','2019-06-26','Dr. Marc Lapointe','M81.0','Follow-up; call 780-476-2093 if worse'),(48,'0581788','2019-12-29','Dr. Paul Kowalski','M81.0','Follow-up; call 780-476-2093 if worse'),(49,'0581788','2022-11-23','Dr. Omar Haddad','M81.0','Follow-up; call 780-476-2093 if worse'),(50,'0581788','2022-12-26','Dr. Marc Lapointe','M81.0','Refill given, "see" chart, reviewed'),(51,'8947038','2020-11-27','Dr. Emily Bartlett','J44.9','Seen 2020-11-27 for follow-up'),(52,'8947038','2021-06-25','Dr. Grace Okafor','E66.01','Seen 2021-06-25 for follow-up'),(53,'8947038','2021-10-27','Dr. Grace Okafor','J44.9','Seen 2021-10-27 for follow-up'),(54,'8947038','2022-11-17','Dr. Anita Sharma','J44.9','Refill given, "see" chart, reviewed'),(55,'2426202','2020-08-29','Dr. Omar Haddad','R10.9','Follow-up; call 639-569-3382 if worse'),(56,'2426202','2021-01-23','Dr. Grace Okafor','R10.9','Follow-up; call 639-569-3382 if worse'),(57,'1995311','2021-07-03','Dr. Anita Sharma',NULL,'Stable, no change'),(58,'1995311','2022-11-22','Dr. Anita Sharma',NULL,'Seen 2022-11-22 for follow-up'),(59,'9339886','2020-10-23','Dr. Marc Lapointe','F17.210','Stable, no change'),(60,'9339886','2022-10-07','Dr. Daniel Cho','J18.9','Seen 2022-10-07 for follow-up'),(61,'9339886','2023-12-15','Dr. Daniel Cho','F17.210','Stable, no change'),(62,'5358595','2019-02-08','Dr. Omar Haddad','E66.9','Stable, no change'),(63,'5358595','2019-07-11','Dr. Omar Haddad','E66.9','Follow-up; call 416-857-5290 if worse'),(64,'5358595','2019-11-17','Dr. Omar Haddad','E66.9','Stable, no change'),(65,'4326663','2020-04-18','Dr. Marc Lapointe','M81.0','Follow-up; call 306-996-7234 if worse'),(66,'4326663','2020-12-26','Dr. Marc Lapointe','M81.0','Follow-up; call 306-996-7234 if worse'),(67,'9513014','2020-03-08','Dr. Omar Haddad','N39.0','Stable, no change'),(68,'9513014','2021-12-30','Dr. Susan Reimer','N39.0','Refill given, "see" chart, reviewed'),(69,'9513014','2023-07-01','Dr. Emily Bartlett','N39.0','Seen 2023-07-01 for follow-up');
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
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (1,'7128755','Hemoglobin A1c','4.8','%','2019-09-15 15:15:10'),(2,'7128755','TSH','0.70','mU/L','2019-09-15 09:30:09'),(3,'7128755','WBC','5.1','x10E9/L','2019-09-15 17:15:33'),(4,'7128755','Hemoglobin A1c','6.3','%','2022-11-15 18:15:31'),(5,'8022873','TSH','1.46','mU/L','2021-07-04 15:15:13'),(6,'8022873','TSH','3.98','mU/L','2023-01-20 10:15:09'),(7,'0807979','Sodium',138,'mmol/L','2023-04-06 13:00:30'),(8,'4781888','Hemoglobin A1c','9.0','%','2020-07-04 12:30:41'),(9,'4781888','ALT',12,'U/L','2020-07-04 17:00:14'),(10,'7326629','TSH','1.85','mU/L','2020-05-11 08:00:01'),(11,'7326629','Glucose fasting','9.3','mmol/L','2020-05-11 17:00:36'),(12,'7326629','Potassium','5.3','mmol/L','2022-05-11 16:00:06'),(13,'7326629','Glucose fasting','5.4','mmol/L','2022-05-11 12:15:59'),(14,'7326629','Creatinine',77,'umol/L','2022-11-19 16:45:33'),(15,'7326629','Glucose fasting','4.1','mmol/L','2022-11-19 12:30:46'),(16,'0586729','eGFR',107,'mL/min/1.73m2','2019-06-15 13:45:35'),(17,'0586729','Glucose fasting','4.6','mmol/L','2023-01-13 15:15:49'),(18,'0586729','LDL cholesterol','2.8','mmol/L','2023-01-13 17:00:19'),(19,'0586729','Creatinine',72,'umol/L','2023-01-13 10:15:10'),(20,'5337775','WBC','9.6','x10E9/L','2019-05-10 16:45:28'),(21,'5337775','Sodium',145,'mmol/L','2019-07-27 10:45:50'),(22,'5337775','eGFR',61,'mL/min/1.73m2','2019-07-27 14:15:47'),(23,'5337775','WBC','8.4','x10E9/L','2019-07-27 18:00:31'),(24,'5337775','WBC','3.3','x10E9/L','2021-04-15 13:45:45'),(25,'5337775','eGFR',99,'mL/min/1.73m2','2021-04-15 11:30:27'),(26,'5337775','eGFR',67,'mL/min/1.73m2','2023-06-18 18:30:45'),(27,'5337775','Potassium','4.1','mmol/L','2023-06-18 17:45:44'),(28,'5237420','TSH','4.81','mU/L','2021-03-08 07:45:31'),(29,'5237420','Potassium','4.9','mmol/L','2021-03-08 12:00:41'),(30,'5237420','eGFR',73,'mL/min/1.73m2','2021-03-08 14:15:34'),(31,'5237420','TSH','2.66','mU/L','2021-05-21 11:30:06'),(32,'3042584','eGFR',60,'mL/min/1.73m2','2019-09-10 14:45:04'),(33,'3042584','LDL cholesterol','4.8','mmol/L','2019-09-10 08:15:28'),(34,'3042584','Sodium',145,'mmol/L','2019-09-10 14:30:30'),(35,'3755444','LDL cholesterol','2.8','mmol/L','2023-10-01 15:30:33'),(36,'3755444','Hemoglobin',169,'g/L','2023-10-01 12:45:39'),(37,'3598735','eGFR',45,'mL/min/1.73m2','2020-02-09 09:45:01'),(38,'3598735','Hemoglobin A1c','6.7','%','2020-02-09 17:00:23'),(39,'3598735','LDL cholesterol','4.4','mmol/L','2020-02-09 11:15:22'),(40,'3598735','TSH','3.16','mU/L','2021-10-09 12:30:47');
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (41,'3598735','LDL cholesterol','4.7','mmol/L','2021-10-09 13:45:38'),(42,'3598735','Glucose fasting','7.7','mmol/L','2021-10-09 07:15:08'),(43,'3598735','TSH','1.27','mU/L','2022-11-19 10:30:14'),(44,'3017630','LDL cholesterol','4.6','mmol/L','2019-07-26 13:30:24'),(45,'3017630','Sodium',135,'mmol/L','2019-07-26 09:45:37'),(46,'3017630','Glucose fasting','6.9','mmol/L','2023-05-06 16:00:41'),(47,'3017630','WBC','8.5','x10E9/L','2023-05-06 16:15:21'),(48,'0360056','Sodium',138,'mmol/L','2020-05-19 18:00:46'),(49,'0360056','eGFR',84,'mL/min/1.73m2','2020-05-19 09:00:57'),(50,'0360056','Creatinine',59,'umol/L','2021-03-04 18:30:23'),(51,'0360056','ALT',73,'U/L','2021-03-04 13:45:18'),(52,'0360056','Hemoglobin',141,'g/L','2023-12-24 13:30:12'),(53,'0360056','LDL cholesterol','3.1','mmol/L','2023-12-24 11:15:14'),(54,'0360056','Hemoglobin A1c','6.5','%','2023-12-24 14:30:11'),(55,'3533352','Potassium','4.0','mmol/L','2023-05-15 14:00:13'),(56,'3533352','Creatinine',48,'umol/L','2023-05-15 14:00:26'),(57,'1360875','TSH','3.56','mU/L','2019-08-25 15:30:50'),(58,'1360875','TSH','5.44','mU/L','2021-09-04 08:00:49'),(59,'2856883','WBC','11.0','x10E9/L','2021-12-12 08:30:31'),(60,'2856883','Potassium','4.8','mmol/L','2021-12-12 10:45:05'),(61,'2856883','WBC','3.6','x10E9/L','2022-05-07 14:30:16'),(62,'2856883','LDL cholesterol','3.2','mmol/L','2022-05-07 09:45:08'),(63,'2856883','Potassium','4.7','mmol/L','2022-05-19 07:15:44'),(64,'2856883','WBC','3.2','x10E9/L','2022-05-19 10:45:55'),(65,'9100053','TSH','4.29','mU/L','2021-11-25 16:15:14'),(66,'9100053','Glucose fasting','6.7','mmol/L','2021-11-25 14:30:29'),(67,'9100053','Hemoglobin',148,'g/L','2023-01-29 07:00:25'),(68,'9100053','LDL cholesterol','4.8','mmol/L','2023-01-29 11:15:32'),(69,'9100053','WBC','4.5','x10E9/L','2023-01-29 16:30:55'),(70,'9100053','WBC','7.7','x10E9/L','2023-08-18 08:30:38'),(71,'0581788','LDL cholesterol','2.0','mmol/L','2019-12-29 07:30:55'),(72,'0581788','Sodium',142,'mmol/L','2019-12-29 17:15:58'),(73,'0581788','Sodium',134,'mmol/L','2022-12-26 10:15:39'),(74,'8947038','TSH','4.80','mU/L','2020-11-27 15:45:08'),(75,'8947038','Creatinine',61,'umol/L','2021-10-27 14:00:09'),(76,'8947038','LDL cholesterol','4.2','mmol/L','2021-10-27 10:30:19'),(77,'8947038','LDL cholesterol','2.2','mmol/L','2022-11-17 11:00:59'),(78,'2426202','ALT',33,'U/L','2020-08-29 12:45:04'),(79,'2426202','Hemoglobin',148,'g/L','2020-08-29 10:45:16'),(80,'2426202','Hemoglobin',130,'g/L','2021-01-23 14:15:16');
INSERT INTO `lab_results` (`id`,`patient_mrn`,`test_name`,`result_value`,`units`,`collected_at`) VALUES (81,'2426202','Potassium','4.4','mmol/L','2021-01-23 18:00:08'),(82,'1995311','Hemoglobin A1c','5.5','%','2021-07-03 10:15:56'),(83,'1995311','eGFR',81,'mL/min/1.73m2','2021-07-03 14:15:06'),(84,'1995311','Sodium',136,'mmol/L','2021-07-03 12:45:20'),(85,'1995311','Creatinine',96,'umol/L','2022-11-22 15:45:50'),(86,'1995311','ALT',54,'U/L','2022-11-22 09:15:09'),(87,'1995311','Sodium',143,'mmol/L','2022-11-22 11:45:00'),(88,'9339886','Creatinine',65,'umol/L','2020-10-23 16:45:06'),(89,'9339886','WBC','8.4','x10E9/L','2022-10-07 08:00:27'),(90,'9339886','TSH','2.08','mU/L','2022-10-07 09:15:47'),(91,'9339886','eGFR',49,'mL/min/1.73m2','2022-10-07 08:15:15'),(92,'5358595','Hemoglobin',128,'g/L','2019-02-08 07:30:05'),(93,'5358595','WBC','9.5','x10E9/L','2019-02-08 17:00:49'),(94,'5358595','eGFR',116,'mL/min/1.73m2','2019-07-11 13:30:06'),(95,'5358595','Potassium','3.8','mmol/L','2019-11-17 18:00:52'),(96,'5358595','ALT',56,'U/L','2019-11-17 15:15:34'),(97,'4326663','ALT',61,'U/L','2020-04-18 15:00:30'),(98,'4326663','Sodium',136,'mmol/L','2020-12-26 16:45:53'),(99,'4326663','Creatinine',76,'umol/L','2020-12-26 12:00:53'),(100,'4326663','eGFR',75,'mL/min/1.73m2','2020-12-26 12:00:07'),(101,'9513014','Hemoglobin A1c','9.5','%','2020-03-08 13:00:21'),(102,'9513014','Potassium','4.1','mmol/L','2020-03-08 07:15:16'),(103,'9513014','eGFR',90,'mL/min/1.73m2','2020-03-08 16:00:21'),(104,'9513014','TSH','1.21','mU/L','2021-12-30 12:00:40'),(105,'9513014','WBC','3.6','x10E9/L','2021-12-30 14:15:38'),(106,'9513014','Glucose fasting','4.5','mmol/L','2023-07-01 14:00:13');
/*!40000 ALTER TABLE `lab_results` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;

-- Dump completed on 2024-03-24  4:12:09
