-- The monitoring summary's read paths (ADR 0021); the PostgreSQL folder has covering, partial versions.
create index monitoring_day_level on monitoring_day (process_key, district_code, sub_district_code, department, on_day);
create index monitoring_day_on_day on monitoring_day (on_day);
create index monitoring_duration_level on monitoring_duration_day (process_key, district_code, department, on_day);
create index monitoring_task_ended_district on monitoring_task (process_key, district_code, ended_at);
