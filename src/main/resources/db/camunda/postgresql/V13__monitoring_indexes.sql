-- The monitoring queries at city scale (docs/performance.md, "Monitoring at 1,000,000 cases"): each
-- view reads only index entries, never the table. PostgreSQL only (partial and covering indexes);
-- the H2 folder has plain indexes for the zero-setup run.

-- open tasks, a small part of the table: the step view's waiting and overdue, the cases behind a
-- step (in waiting order), the backlog's open column and the breach check
create index monitoring_task_waiting on monitoring_task (process_key, element_id, created_at, task_id)
    include (group_id, department, place_code, district_code, sub_district_code, process_version, due_at, case_id)
    where ended_at is null;
-- the cases behind a backlog cell (a department of a place), in waiting order
create index monitoring_task_waiting_place on monitoring_task (department, place_code, created_at, task_id)
    include (process_key, element_id, group_id, district_code, sub_district_code, process_version, due_at, case_id)
    where ended_at is null;

-- tasks of a process ended in a window: the step view's durations, the trend's completions, the
-- backlog's completed column; with every column those queries filter or count on
drop index monitoring_task_ended;
create index monitoring_task_ended on monitoring_task (process_key, ended_at)
    include (element_id, task_id, outcome, duration_ms, department, place_code, district_code, sub_district_code,
             process_version);
-- tasks of a process created in a window: the trend's arrivals
drop index monitoring_task_created;
create index monitoring_task_created on monitoring_task (process_key, created_at)
    include (element_id, task_id, department, district_code, sub_district_code, process_version);
-- tasks of every process ended in a window: the backlog of all processes
drop index monitoring_task_open;
create index monitoring_task_ended_any on monitoring_task (ended_at)
    include (department, place_code, outcome, process_key, process_version, district_code, sub_district_code)
    where ended_at is not null;
