"""Every English result sentence reads at grade 8 or below (issue 10 item 10).

Flesch-Kincaid grade, computed by textstat on each sentence of each string as it is shown (the
placeholders filled from law.toml). Citations are printed beside the sentences, not in them, so
they do not count. Numbers such as "28.5" are read as one word.

The names the court papers use (Proposition 64, felony, misdemeanor, infraction, conviction,
cannabis, California, ...) cannot be replaced by easier words: the person must recognise them
on their record, and the site explains each one. They are graded as a one-syllable word
would be, so the test measures how the sentence is built, which is what we can change.
"""

from __future__ import annotations

import re

import pytest
import textstat
from flask_babel import force_locale

from webapp.flow import result_text
from webapp.reason_text import FELONY_KEPT_TEXT, PRESUMED_RELIEF_TEXT, REASON_TEXT, RELIEF_TEXT, TRACK_TEXT
from webapp.remedy_text import REMEDY_TEXT

MAX_GRADE = 8.0
TEXTS = {**REASON_TEXT, **{f"relief:{k}": v for k, v in RELIEF_TEXT.items()},
         **{f"presumed:{k}": v for k, v in PRESUMED_RELIEF_TEXT.items()},
         **{f"track:{k}": v for k, v in TRACK_TEXT.items()}, "felony_kept": FELONY_KEPT_TEXT,
         **{f"remedy:{k}": v for k, v in REMEDY_TEXT.items()}}
NEXT_STEPS = [(track, relief) for track in ("application", "petition", "juvenile", "unknown")
              for relief in ("dismiss", "needs_review", "not_eligible")]


def sentences(text: str) -> list[str]:
    # Form numbers and code sections ("CR-400", "1203.4") are names, read as one word each.
    plain = re.sub(r"\([^)]*\)", "", text)
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", plain) if s.strip()]


TERMS_OF_ART = re.compile(
    r"Proposition \d+|Supreme Court|Department of Justice|Clean Slate|California's|California|"
    r"misdemeanors?|infractions?|felony|felonies|convictions?|cannabis|concentrated|concentrate|"
    r"registration|immigration|probation|expungement|prosecutor|application|petition|juvenile|"
    r"agency|license", re.I)


def grade(sentence: str) -> float:
    return textstat.flesch_kincaid_grade(TERMS_OF_ART.sub("term", sentence))


def test_the_measure_can_fail():
    hard = ("Notwithstanding any contrary determination, the petitioner's conviction is presumptively "
            "eligible for redesignation consequent upon statutory amendment.")
    assert grade(hard) > MAX_GRADE
    assert grade("You were 21 or older and had no more than 28.5 grams.") <= MAX_GRADE


@pytest.mark.parametrize("key", list(TEXTS))
def test_each_result_sentence_is_grade_8_or_below(app, key):
    with app.test_request_context(), force_locale("en"):
        text = str(TEXTS[key])
    for sentence in sentences(text):
        assert grade(sentence) <= MAX_GRADE, (round(grade(sentence), 1), sentence)


@pytest.mark.parametrize(("track", "relief"), NEXT_STEPS)
def test_each_next_step_sentence_is_grade_8_or_below(app, track, relief):
    with app.test_request_context(), force_locale("en"):
        text = result_text.track_text(track, relief)
        headline = result_text.relief_text({"relief": "dismiss", "presumed": True, "track": track,
                                            "reasons": []})
    for sentence in sentences(text) + sentences(headline):
        assert grade(sentence) <= MAX_GRADE, (round(grade(sentence), 1), sentence)
