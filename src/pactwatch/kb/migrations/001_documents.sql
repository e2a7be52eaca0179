-- Documents (one row per distinct clean text, or per input that failed), their stored spaCy parse,
-- and the events extracted from them.
CREATE TABLE pactwatch_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE documents (
    id             VARCHAR PRIMARY KEY,   -- content hash of the clean text, or err-<hash of locator>
    locator        VARCHAR NOT NULL,      -- where it was read: a path, path:line or <stdin>:line
    path           VARCHAR,
    url            VARCHAR,
    title          VARCHAR,
    published      VARCHAR,               -- YYYY-MM-DD
    published_note VARCHAR,
    language       VARCHAR,
    chars          INTEGER NOT NULL DEFAULT 0,
    duplicate_of   VARCHAR,
    status         VARCHAR NOT NULL,      -- ok | error
    error_code     VARCHAR,
    error          VARCHAR,
    text           VARCHAR,               -- the clean text every span points into
    not_coded      VARCHAR,               -- why no events were extracted (e.g. language), or NULL
    ingested_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE annotations (
    doc_id     VARCHAR PRIMARY KEY,
    model      VARCHAR NOT NULL,          -- name and version of the spaCy pipeline
    docbin     BLOB NOT NULL,             -- spacy.tokens.DocBin bytes: sentences, tokens, entities, arcs
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE events (
    id             VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    extractor      VARCHAR NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    span_text      VARCHAR NOT NULL,
    source         VARCHAR,
    source_role    VARCHAR,
    target         VARCHAR,
    target_role    VARCHAR,
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    date           VARCHAR,
    location_name  VARCHAR,
    location_state VARCHAR,
    supplied_by    VARCHAR[] NOT NULL,
    modality       VARCHAR NOT NULL,
    polarity       VARCHAR NOT NULL,
    attributed_to  VARCHAR,
    quantities     VARCHAR NOT NULL,      -- JSON list of Quantity objects
    confidence     DOUBLE NOT NULL
);
CREATE INDEX events_doc ON events (doc_id);
