-- The monitoring summary's read paths (ADR 0021), covering so that the views read index entries
-- only; the H2 folder has plain versions for the zero-setup run.

-- the step view's completions and the trend: one level (city, district or sub-district; every
-- department or one) of a process over a range of days
create index monitoring_day_level on monitoring_day (process_key, district_code, sub_district_code, department, on_day)
    include (element_id, process_version, arrivals, completions);
-- the backlog's completed column: the cells (a department of a place), of one process or of all
create index monitoring_day_cells on monitoring_day (process_key, on_day)
    include (process_version, district_code, sub_district_code, department, place_code, completions)
    where department <> '*' and sub_district_code <> '*';
create index monitoring_day_cells_any on monitoring_day (on_day)
    include (process_key, process_version, district_code, sub_district_code, department, place_code, completions)
    where department <> '*' and sub_district_code <> '*';
-- the step view's percentiles of long windows: the buckets of one level over a range of days
create index monitoring_duration_level on monitoring_duration_day (process_key, district_code, department, on_day)
    include (element_id, process_version, bucket, completed);

-- the exact percentiles of a district or a sub-district (windows under the summary's threshold):
-- the tasks of one district ended in a window, instead of the whole city's filtered
create index monitoring_task_ended_district on monitoring_task (process_key, district_code, ended_at)
    include (task_id, element_id, outcome, duration_ms, department, place_code, sub_district_code, process_version)
    where ended_at is not null;
