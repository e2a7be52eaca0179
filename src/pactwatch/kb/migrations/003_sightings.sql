-- Other places where a stored text was read again: the same clean text from another file, URL or
-- JSONL line (one story carried unchanged by several outlets). The document keeps the locator it
-- was first read from; each further place is one row here. Verification counts origins with it.
CREATE TABLE sightings (
    doc_id    VARCHAR NOT NULL,
    locator   VARCHAR NOT NULL,
    url       VARCHAR,
    published VARCHAR,
    seen_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
