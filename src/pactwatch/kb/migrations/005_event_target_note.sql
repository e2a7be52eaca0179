-- How an event's target was found when the verb's own phrases did not name it: another party
-- named elsewhere in the same sentence ("Kyiv relented after months of pressure from Warsaw").
-- NULL for a target the verb's phrases name.
ALTER TABLE events ADD COLUMN target_note VARCHAR;
