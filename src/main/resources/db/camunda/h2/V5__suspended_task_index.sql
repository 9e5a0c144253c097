-- Gongzu addition to the engine's schema (docs/adr/0013): finds at once whether any task is
-- suspended, which Tasklist's fast path must know (H2 has no partial indexes).
create index GONGZU_IDX_TASK_SUSPENDED on ACT_RU_TASK (SUSPENSION_STATE_);
