//! The schema, versioned with `PRAGMA user_version`: [`MIGRATIONS`]`[i]` takes a
//! database from version `i` to `i + 1`. A new version appends a migration; a
//! released one never changes.

/// The migrations, in order.
pub const MIGRATIONS: &[&str] = &[V1];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = "
CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,    -- absolute path of the file
    hash        TEXT NOT NULL,           -- content hash: unchanged files are skipped
    extractor   TEXT NOT NULL,           -- vanban version that extracted it
    encoding    TEXT,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error       TEXT,
    ingested_at TEXT NOT NULL
);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    file_id     INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,        -- position in the file, from 0
    work        TEXT NOT NULL,           -- work id (vn/... or stub:...)
    resolved    INTEGER NOT NULL,
    kind TEXT, symbol TEXT, symbol_key TEXT, number INTEGER, issuer TEXT, place TEXT, date TEXT, title TEXT,
    signer_name TEXT, signer_position TEXT, signer_authority TEXT,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    UNIQUE (file_id, ordinal)
);
CREATE INDEX documents_work ON documents(work);
CREATE INDEX documents_symbol_key ON documents(symbol_key);
CREATE INDEX documents_number ON documents(number);

CREATE TABLE recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    recipient   TEXT NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

-- One row per citation: the citing document cites the cited work.
CREATE TABLE edges (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    citing        TEXT NOT NULL,         -- work id of the citing document
    cited         TEXT NOT NULL,         -- work id of the cited document
    resolved      INTEGER NOT NULL,      -- 0: cited is a stub
    relation      TEXT NOT NULL CHECK (relation IN ('basis', 'cites')),
    mention_count INTEGER NOT NULL,
    kind TEXT, symbol TEXT, symbol_key TEXT, number INTEGER, date TEXT, issuer TEXT, name TEXT,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX edges_cited ON edges(cited, relation, citing);
CREATE INDEX edges_citing ON edges(citing, relation, cited);
CREATE INDEX edges_symbol_key ON edges(symbol_key);
CREATE INDEX edges_number ON edges(number);

CREATE TABLE mentions (
    edge_id     INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    relation    TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    sentence    TEXT NOT NULL,
    pinpoint    TEXT,
    PRIMARY KEY (edge_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE sections (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    path TEXT NOT NULL, title TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE assignments (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    path TEXT, unit TEXT NOT NULL, role TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE deadlines (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    relative    INTEGER NOT NULL,        -- 1: a relative limit (kept, not scored)
    path TEXT, text TEXT NOT NULL, due TEXT, start TEXT, end TEXT, recurrence TEXT, problem TEXT,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;

-- The nodes: every work ingested, and every work only cited (ingested = 0).
CREATE VIEW works AS
    SELECT work AS id, max(resolved) AS resolved, 1 AS ingested, min(kind) AS kind, min(symbol) AS symbol,
           min(date) AS date, min(issuer) AS issuer, min(title) AS title
    FROM documents GROUP BY work
    UNION ALL
    SELECT cited, max(resolved), 0, min(kind), min(symbol), min(date), min(issuer), min(name)
    FROM edges e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.work = e.cited) GROUP BY cited;
";
