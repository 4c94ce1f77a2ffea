"""Demo data, apart from the services: plans.py says what each country's review holds, content.py what it says,
build.py writes the reviews from them (objectives.py their objectives, rows.py the bulk writer and reference
lists they share, words.py the wording they share with the synthesis); tables.py holds the rows of their tables;
synthesis_text.py is the regional synthesis's text and synthesis.py writes it through the synthesis services;
load.py creates the cycle and the logins and fills it (`manage.py load_demo`)."""
