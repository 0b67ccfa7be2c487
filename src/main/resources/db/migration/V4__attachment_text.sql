-- What extraction found in each attachment of a submission (issue 5): the status, title, counts and text.
ALTER TABLE submission_attachment ADD COLUMN extraction_status VARCHAR(16) NULL;
ALTER TABLE submission_attachment ADD COLUMN title VARCHAR(300) NULL;
ALTER TABLE submission_attachment ADD COLUMN page_count INT NULL;
ALTER TABLE submission_attachment ADD COLUMN char_count INT NULL;
ALTER TABLE submission_attachment ADD COLUMN extracted_text MEDIUMTEXT NULL;
