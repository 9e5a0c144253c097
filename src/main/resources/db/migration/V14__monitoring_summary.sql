-- The monitoring summary (ADR 0021): per closed day, what monitoring_task says, so that views over long
-- windows read a few thousand summary rows instead of millions of task rows. Written by
-- MonitoringSummary once a day has closed; recomputed from monitoring_task whenever asked, so it can
-- always be rebuilt. It holds no personal data and, like monitoring_task, outlives the engine's
-- history cleanup. Portable SQL (PostgreSQL and H2).

-- Arrivals (tasks created that day) and completions (tasks completed that day) per step, at six
-- levels; '*' marks a dimension summed over:
--   city          district '*', sub-district '*', department '*' or one department, place '*'
--   district      district d,   sub-district '*', department '*' or one department, place '*'
--   sub-district  district d,   sub-district s (or '-' for a case of the district itself),
--                 department '*' (place '*') or one department with its place (the backlog's cell)
-- With department '*' a task routed to two departments counts once.
create table monitoring_day (
    process_key        varchar(100)  not null,
    on_day             date          not null,
    element_id         varchar(100)  not null,
    process_version    int           not null,
    district_code      varchar(6)    not null,
    sub_district_code  varchar(9)    not null,
    department         varchar(20)   not null,
    place_code         varchar(12)   not null,
    arrivals           bigint        not null,
    completions        bigint        not null,
    primary key (process_key, on_day, element_id, process_version, district_code, sub_district_code, department,
                 place_code)
);

-- (the indexes the views read by are in V14_1, one per database)

-- Completed tasks per step and day in logarithmic duration buckets (bucket 0: under a second; bucket b:
-- from 1.1^(b-1) to 1.1^b seconds), for the city and each district, every department ('*') or one:
-- the p50 and p90 of a long window, interpolated inside the bucket that holds the rank.
create table monitoring_duration_day (
    process_key        varchar(100)  not null,
    on_day             date          not null,
    element_id         varchar(100)  not null,
    process_version    int           not null,
    district_code      varchar(6)    not null,
    department         varchar(20)   not null,
    bucket             int           not null,
    completed          bigint        not null,
    primary key (process_key, on_day, element_id, process_version, district_code, department, bucket)
);

-- The days the summary holds: every day from covered_from up to (not including) covered_until.
create table monitoring_summary_state (
    id                 int           primary key check (id = 1),
    covered_from       date          not null,
    covered_until      date          not null,
    updated_at         timestamp     not null
);
