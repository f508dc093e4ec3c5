-- The party register: KS and the ministries as reference data with validity periods and
-- successors. Codes are the ones the arrangement's sources use; a party's name may change while
-- its code stays (party_name keeps the earlier names). Dates and organisation numbers are taken
-- from regjeringen.no's ministry histories and Enhetsregisteret (see docs/parties.md); where a
-- day could not be confirmed the column says so in docs/parties.md, not by guessing here.
CREATE TABLE party (
    code           VARCHAR(16)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(32)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    name_en        VARCHAR(200),
    org_no         VARCHAR(9),
    valid_from     DATE,
    valid_to       DATE,
    successor_code VARCHAR(16),
    CONSTRAINT ck_party_kind CHECK (kind IN ('MUNICIPAL_SECTOR', 'MINISTRY')),
    CONSTRAINT ck_party_period CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
    CONSTRAINT fk_party_successor FOREIGN KEY (successor_code) REFERENCES party (code)
);

CREATE TABLE party_name (
    code       VARCHAR(16)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    valid_from DATE,
    valid_to   DATE         NOT NULL,
    PRIMARY KEY (code, valid_to),
    CONSTRAINT fk_party_name_party FOREIGN KEY (code) REFERENCES party (code)
);

-- Successors first, so that every successor_code refers to a row that exists.
INSERT INTO party (code, kind, name, name_en, org_no, valid_from, valid_to, successor_code) VALUES
('KS',  'MUNICIPAL_SECTOR', 'KS – Kommunesektorens organisasjon', 'KS – the Norwegian Association of Local and Regional Authorities', '971032146', NULL, NULL, NULL),
('KD',  'MINISTRY', 'Kunnskapsdepartementet', 'Ministry of Education and Research', '872417842', DATE '2006-01-01', NULL, NULL),
('HOD', 'MINISTRY', 'Helse- og omsorgsdepartementet', 'Ministry of Health and Care Services', '983887406', DATE '2004-10-01', NULL, NULL),
('KDD', 'MINISTRY', 'Kommunal- og distriktsdepartementet', 'Ministry of Local Government and Regional Development', '972417858', DATE '2022-01-01', NULL, NULL),
('KMD', 'MINISTRY', 'Kommunal- og moderniseringsdepartementet', 'Ministry of Local Government and Modernisation', '972417858', DATE '2014-01-01', DATE '2021-12-31', 'KDD'),
('KRD', 'MINISTRY', 'Kommunal- og regionaldepartementet', 'Ministry of Local Government and Regional Development', '972417858', DATE '1998-01-01', DATE '2013-12-31', 'KMD'),
('DFD', 'MINISTRY', 'Digitaliserings- og forvaltningsdepartementet', 'Ministry of Digitalisation and Public Governance', '932384469', DATE '2024-01-01', NULL, NULL),
('BFD', 'MINISTRY', 'Barne- og familiedepartementet', 'Ministry of Children and Families', '972417793', DATE '2019-01-22', NULL, NULL),
('BLD', 'MINISTRY', 'Barne- og likestillingsdepartementet', 'Ministry of Children and Equality', '972417793', DATE '2006-01-01', DATE '2019-01-21', 'BFD'),
('JD',  'MINISTRY', 'Justis- og beredskapsdepartementet', 'Ministry of Justice and Public Security', '972417831', NULL, NULL, NULL),
('AID', 'MINISTRY', 'Arbeids- og inkluderingsdepartementet', 'Ministry of Labour and Social Inclusion', '983887457', DATE '2022-01-01', NULL, NULL),
('ASD', 'MINISTRY', 'Arbeids- og sosialdepartementet', 'Ministry of Labour and Social Affairs', '983887457', DATE '2014-01-01', DATE '2021-12-31', 'AID'),
('KUD', 'MINISTRY', 'Kultur- og likestillingsdepartementet', 'Ministry of Culture and Equality', '972417866', DATE '2010-01-01', NULL, NULL),
('KLD', 'MINISTRY', 'Klima- og miljødepartementet', 'Ministry of Climate and Environment', '972417882', DATE '2014-01-01', NULL, NULL),
('ED',  'MINISTRY', 'Energidepartementet', 'Ministry of Energy', '977161630', DATE '2024-01-01', NULL, NULL),
('OED', 'MINISTRY', 'Olje- og energidepartementet', 'Ministry of Petroleum and Energy', '977161630', DATE '1997-01-01', DATE '2023-12-31', 'ED'),
('FIN', 'MINISTRY', 'Finansdepartementet', 'Ministry of Finance', '972417807', NULL, NULL, NULL);

INSERT INTO party_name (code, name, valid_from, valid_to) VALUES
('JD',  'Justis- og politidepartementet', NULL, DATE '2011-12-31'),
('BLD', 'Barne- og likestillingsdepartementet', DATE '2006-01-01', DATE '2009-12-31'),
('BLD', 'Barne-, likestillings- og inkluderingsdepartementet', DATE '2010-01-01', DATE '2016-03-31'),
('KUD', 'Kulturdepartementet', DATE '2010-01-01', DATE '2021-12-31');
