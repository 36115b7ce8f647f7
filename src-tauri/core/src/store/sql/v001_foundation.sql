-- Version 1: community settings. The domain schema follows in later versions.
CREATE TABLE community_settings (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    issuer      TEXT NOT NULL,
    default_place TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
