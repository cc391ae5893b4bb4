"""Clinic mode: many clients in one CSV, results, court packets and printable summaries out.

Nothing is stored. The CSV is read from memory, assessed with the same engine as the web check
(webapp.eligibility.assess), and everything is streamed back; each download re-posts the CSV.

Where things live:
- columns.py    the CSV's column names (the contract's field names) and the header row
- csv_io.py     bytes -> text (UTF-8, BOM, UTF-16, Windows-1252), rows, limits; writing safe CSV
- messages.py   every problem an advocate can see, naming the row and the column, translated
- batch.py      rows -> one screening per client -> results, with the engine's own validation
- output.py     the results CSV and the downloadable template
- packets.py    one packet PDF per client with petitioner details, streamed into a ZIP
- summaries.py  the one-page summary per client, in the client's language
- views.py      the pages under /<lang>/clinic
- __main__.py   the command line: python -m webapp.clinic INPUT.csv -o RESULTS.csv
"""
