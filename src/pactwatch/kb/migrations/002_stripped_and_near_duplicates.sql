-- What the debris stripper took out of each document (line of the input, text, rule, reason), and
-- the near-duplicate index: a MinHash signature per document and its LSH band keys. The index
-- lives here, not in memory: 512 bytes of signature and 32 band rows per document.
CREATE TABLE stripped (
    doc_id VARCHAR NOT NULL,
    line   INTEGER NOT NULL,             -- 1-based line of the text as read (after normalising)
    text   VARCHAR NOT NULL,
    rule   VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, line)
);

CREATE TABLE minhash (
    doc_id    VARCHAR PRIMARY KEY,
    signature BLOB NOT NULL              -- 128 little-endian uint32 minima
);

CREATE TABLE lsh_bands (
    band   SMALLINT NOT NULL,
    bucket UBIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);
