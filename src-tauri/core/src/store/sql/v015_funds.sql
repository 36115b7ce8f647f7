-- 资金怎么用 (issue 16): the money, goods and labour behind a decision or a task. Every amount is
-- INTEGER fen; nothing here is ever a float.

-- A decision's or a task's budget. Changing it retires the old row (deleted_at) and inserts a new
-- one, so every budget it ever had stays readable (财务公开 asks what changed); one live row per
-- owner.
CREATE TABLE fund_budgets (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('decision', 'task')),
    owner_id TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),   -- the China year it was set in (惠民资金 of that year)
    total_fen INTEGER NOT NULL CHECK (total_fen > 0),
    note TEXT NOT NULL DEFAULT '',
    change_reason TEXT NOT NULL DEFAULT '',   -- why it replaced the one before ('' for the first)
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE UNIQUE INDEX fund_budgets_owner ON fund_budgets(owner_kind, owner_id) WHERE deleted_at IS NULL;

-- Who pays how much of a budget.
CREATE TABLE fund_sources (
    id TEXT PRIMARY KEY,
    budget_id TEXT NOT NULL REFERENCES fund_budgets(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('collective', 'huimin', 'maintenance', 'property', 'developer',
                                       'charity', 'donation', 'residents')),
    name TEXT NOT NULL DEFAULT '',                 -- the charity, the developer, the donor
    name_public INTEGER NOT NULL DEFAULT 1 CHECK (name_public IN (0, 1)),  -- a donor is named only with consent
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    per_household_fen INTEGER CHECK (per_household_fen > 0),   -- 居民筹资 per household
    households INTEGER CHECK (households > 0),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX fund_sources_budget ON fund_sources(budget_id, position);

-- 物资 and 投工投劳: what was given that is not money.
CREATE TABLE fund_in_kind (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('decision', 'task')),
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('goods', 'labour')),
    what TEXT NOT NULL,                            -- 空调、水泥 / 挖沟、搬运
    quantity TEXT NOT NULL DEFAULT '',             -- 3台、20袋 (goods)
    value_fen INTEGER CHECK (value_fen > 0),       -- estimated value of goods, if known
    person_day_tenths INTEGER CHECK (person_day_tenths > 0),   -- labour: 2.5 人日 = 25
    given_by TEXT NOT NULL DEFAULT '',             -- the household or person
    given_by_public INTEGER NOT NULL DEFAULT 1 CHECK (given_by_public IN (0, 1)),
    given_on TEXT,                                 -- local day
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX fund_in_kind_owner ON fund_in_kind(owner_kind, owner_id);

-- Money spent on a task, charged to one source of its budget. Receipts: attachments with
-- owner_kind 'fund_spend'.
CREATE TABLE fund_spends (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    spent_on TEXT NOT NULL,                        -- local day
    what TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    payee TEXT NOT NULL,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('collective', 'huimin', 'maintenance', 'property',
                                     'developer', 'charity', 'donation', 'residents')),
    over_budget_reason TEXT NOT NULL DEFAULT '',   -- set when it took the budget or its source past the amount
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX fund_spends_task ON fund_spends(task_id, spent_on);

-- A yearly fund (惠民资金 of a year): what the street office allocated.
CREATE TABLE fund_allocations (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind TEXT NOT NULL CHECK (kind IN ('collective', 'huimin', 'maintenance', 'property', 'developer',
                                       'charity', 'donation', 'residents')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    note TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE UNIQUE INDEX fund_allocations_year ON fund_allocations(year, kind) WHERE deleted_at IS NULL;
