-- Skills are kept as people type them ("C++", not "c++") and matched without regard to case
-- (issue 7 §15): the skill filter compares lowered arrays, which this index serves. The free-text
-- search already lowers (candidates.search_text). Lowering the array's text form keeps each
-- element (quoting and escapes are not letters) and is one C function call per row.
create function ats.lower_words(words text[]) returns text[] language sql immutable parallel safe as
$$ select lower(words::text)::text[] $$;

create index candidates_skills_any_case_idx on ats.candidates using gin (ats.lower_words(skills));
