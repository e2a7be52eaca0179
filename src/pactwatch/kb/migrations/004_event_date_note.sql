-- How an event's date was found when the text did not give it outright: a relative phrase
-- ("last month", "on Monday") resolved against the publication date. NULL for a date as written.
ALTER TABLE events ADD COLUMN date_note VARCHAR;
