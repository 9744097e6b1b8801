-- Names that say what the rows are: a structure's labels and certifications (not the HQS
-- label, which has its own tables), and the files people upload (not the search index's
-- documents).
ALTER TABLE structure_labels RENAME TO structure_certifications;
ALTER TABLE documents RENAME TO uploads;
ALTER TABLE uploads RENAME COLUMN label_id TO certification_id;
