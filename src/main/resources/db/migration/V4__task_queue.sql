-- Which department queue each open task is in (docs/adr/0013): one row per task and candidate
-- group, written in the engine's transaction whenever a group is linked to or unlinked from a task
-- (org.gongzu.tasklist.TaskQueue). Tasklist's department filter counts and pages it through one
-- index instead of joining the engine's task and identity-link tables.
create table task_queue (
    group_id varchar(255) not null,
    task_id  varchar(64)  not null,
    created  timestamp    not null,
    primary key (group_id, task_id)
);
create index task_queue_newest on task_queue (group_id, created desc, task_id);
create index task_queue_task on task_queue (task_id);

-- open tasks of a database that ran an earlier version
insert into task_queue (group_id, task_id, created)
select distinct I.GROUP_ID_, I.TASK_ID_, T.CREATE_TIME_
from ACT_RU_IDENTITYLINK I join ACT_RU_TASK T on T.ID_ = I.TASK_ID_
where I.GROUP_ID_ is not null and T.TENANT_ID_ is null;

-- task visibility no longer uses one authorization row per task and user or group
delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*';
