-- Gongzu's own history level (docs/adr/0014, org.gongzu.engine.AuditHistoryLevel, id 30) replaces
-- the engine's "full" (3). The engine refuses to start when the stored level differs from the
-- configured one; a new database gets the row from the engine at its first start.
update ACT_GE_PROPERTY set VALUE_ = '30' where NAME_ = 'historyLevel';
