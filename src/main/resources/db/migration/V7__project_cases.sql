-- A project is a case of its own (clauses 4 and 5): registered in the product by the district
-- housing department, with its planned facilities, their handovers and the committee setup.
-- Portable SQL (PostgreSQL and H2).

alter table housing_project add column units int;
alter table housing_project add column planned_move_in_on date;
alter table housing_project add column registered_by varchar(64);
alter table housing_project add column registered_at timestamp;
alter table housing_project add column first_moved_in_on date;
-- the household whose registration in the community started the committee setup (claimed once)
alter table housing_project add column first_registered_case_id varchar(40);
alter table housing_project add column first_registered_on date;

-- One planned supporting facility of a project and where its handover stands (clause 4).
create table project_facility (
    project_id           varchar(32)   not null references housing_project (id),
    facility_type        varchar(30)   not null,
    receiving_department varchar(20),
    required_at_move_in  boolean,
    status               varchar(20)   not null check (status in ('PLANNED', 'PREPARED', 'DEFECTS', 'ACCEPTED', 'IN_USE')),
    prepared_on          date,
    accepted_on          date,
    in_use_on            date,
    defects              varchar(2000),
    -- not in use when the project's first household moved in although clause 4 requires it
    late                 boolean       not null default false,
    updated_at           timestamp     not null,
    primary key (project_id, facility_type)
);

-- Milestones of a project's case with their deadlines, e.g. the stages of the committee setup (clause 5).
create table project_milestone (
    project_id varchar(32)  not null references housing_project (id),
    code       varchar(60)  not null,
    name       varchar(100) not null,
    seq        int          not null,
    due_on     date,
    done_on    date,
    late       boolean      not null default false,
    primary key (project_id, code)
);

-- The voter roll of a project's first residents' committee election: adult members of the
-- households registered by the election day (clause 5). Member ids only; names stay with the household.
create table committee_voter (
    project_id  varchar(32) not null references housing_project (id),
    member_id   bigint      not null references household_member (id),
    election_on date        not null,
    primary key (project_id, member_id)
);
