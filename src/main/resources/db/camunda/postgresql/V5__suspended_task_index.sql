-- Gongzu addition to the engine's schema (docs/adr/0013): finds at once whether any task is
-- suspended, which Tasklist's fast path must know; almost no task ever is, so the index stays tiny.
create index GONGZU_IDX_TASK_SUSPENDED on ACT_RU_TASK (ID_) where SUSPENSION_STATE_ = 2;
