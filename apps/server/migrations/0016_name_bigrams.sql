-- Every two-character piece of a text, lower-cased: a GIN index over it answers the two-character searches
-- (诚润) that a trigram index cannot. Immutable like pg_trgm's own functions, so an index may use it.
CREATE FUNCTION tierline_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i $$;--> statement-breakpoint
CREATE INDEX "customers_name_bigrams" ON "customers" USING gin (tierline_bigrams("name"));
