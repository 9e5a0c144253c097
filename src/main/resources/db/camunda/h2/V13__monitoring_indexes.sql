-- The monitoring queries at city scale (docs/performance.md, "Monitoring at 1,000,000 cases"); the
-- PostgreSQL folder has partial, covering versions. H2 has neither, so these are plain indexes.

-- open tasks of a step, in waiting order; and of a department of a place
create index monitoring_task_waiting on monitoring_task (process_key, element_id, ended_at, created_at);
create index monitoring_task_waiting_place on monitoring_task (department, place_code, ended_at, created_at);
