-- Matching a need counts, for each candidate structure, its published offers and granted
-- labels. With only single-column indexes SQLite (which keeps no statistics here) chose
-- `offers_status` for `structure_id = ? AND status = 'published'` and walked ~95 % of the
-- offers for every candidate: 85 s for one need over 10,000 structures and 100,000 offers,
-- 33 ms with these two indexes (docs/benchmarks.md, « Needs »).
CREATE INDEX offers_structure_status ON offers (structure_id, status);
CREATE INDEX hqs_labels_structure_state ON hqs_labels (structure_id, state);
