-- Matching a need reads the activities of one kind of service in a few sectors; without this
-- index it walked every activity of the directory (docs/benchmarks.md, « Needs »).
CREATE INDEX structure_activities_kind_sector ON structure_activities (service_kind, sector, structure_id);
