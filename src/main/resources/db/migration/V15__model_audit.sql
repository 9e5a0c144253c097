-- Who deployed which model version, when, why, and what changed (ADR 0024). One row per process,
-- decision or form that a deployment versioned; written by the engine's deploy command itself, so a
-- row exists exactly when the deployment does. Portable SQL (PostgreSQL and H2).
create table model_audit (
    deployment_id  varchar(64)    not null,
    kind           varchar(10)    not null,
    model_key      varchar(255)   not null,
    version        int            not null,
    user_id        varchar(255),
    deployed_at    timestamp      not null,
    reason         varchar(2000)  not null,
    -- the diff against the version before, as JSON; null when nobody computed one
    diff           text,
    primary key (deployment_id, kind, model_key)
);
create index model_audit_key on model_audit (model_key, deployed_at);
