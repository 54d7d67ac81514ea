-- Long letter queries (full pinyin such as tongchuangjiancai, an e-mail name) are answered by the token index: every
-- entry's tokens gain each six-letter piece of each run of six or more Latin letters in its haystack, as
-- search.text.ts tokensOf now writes them. (The trigram index merges long lists for pinyin's common trigrams: 30–60 ms
-- at a million customers.) The separator U+0001 is not a letter, so no run spans two parts, as in tokensOf.
UPDATE "search_documents" SET "tokens" = "tokens" || ARRAY(
  SELECT DISTINCT substr(run[1], k, 6)
  FROM regexp_matches("haystack", '[a-z]{6,}', 'g') AS run, generate_series(1, length(run[1]) - 5) AS k
)
WHERE "tokens" IS NOT NULL AND "haystack" ~ '[a-z]{6}';
