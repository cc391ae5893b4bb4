"""Records in (issue 15): a person's RAP sheet and a prosecutor's DOJ bulk file, read into screenings.

- fields.py     what both formats share: dates, code sections, court -> county (spec §1)
- rap_sheet.py  RAP-sheet text -> screening, already-relieved ids, skipped lines (spec §2)
- screen.py     the RAP sheet's screening with the engine's answer per conviction
- doj.py        the DOJ bulk research file, streamed subject by subject (spec §3)
- bulk.py       running doj.py over a file with N processes; results CSV and summary
- views.py      /<lang>/records and POST /api/v1/records/rap-sheet (the only Flask module)
- prefill.py    the one function that writes a RAP sheet's answers into the guided check
- __main__.py   ``python -m webapp.records rap-sheet FILE|-`` and ``... doj FILE -o RESULTS.csv``

The parsers are pure Python and log nothing: what a person pastes is read and forgotten.
"""
