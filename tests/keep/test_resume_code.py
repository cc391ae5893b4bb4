"""The resume code: the answers come back whole, and any change or old age is refused."""

from datetime import date, timedelta

import pytest

from webapp.keep import resume_code
from webapp.keep.resume_code import ResumeCodeError, decode, encode

ANSWERS = {
    "convictions": [
        {"county": "fresno", "section": "11359", "level": "felony", "offense_date": "2012",
         "age_at_offense": "21_plus", "sentence": "completed"},
        {"county": "los-angeles", "section": "11357", "level": "misdemeanor", "offense_date": "unknown"},
    ],
    "person": {"prior_super_strike": "no", "sex_offender_registrant": "unknown"},
    "done_adding": True,
}
DAY = date(2026, 12, 1)


def test_a_code_gives_back_exactly_the_answers():
    code = encode(ANSWERS, "key-1", DAY)
    assert decode(code, ["key-1"], DAY) == ANSWERS


def test_a_code_copied_by_hand_in_lower_case_with_spaces_still_works():
    code = encode(ANSWERS, "key-1", DAY)
    typed = " ".join(code.lower().split("-"))
    assert decode(typed, ["key-1"], DAY) == ANSWERS


def test_a_code_holds_no_readable_answer():
    code = resume_code.normalise(encode(ANSWERS, "key-1", DAY))
    for word in ("FRESNO", "11359", "FELONY", "MISDEMEANOR"):
        assert word not in code


def test_changing_any_one_character_to_any_other_is_refused():
    code = resume_code.normalise(encode(ANSWERS, "key-1", DAY))
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for position in range(len(code)):
        for other in alphabet.replace(code[position], ""):
            with pytest.raises(ResumeCodeError) as refused:
                decode(code[:position] + other + code[position + 1:], ["key-1"], DAY)
            assert refused.value.reason == "altered"


def test_a_code_from_another_server_key_is_refused_and_an_old_key_still_reads_it():
    code = encode(ANSWERS, "old-key", DAY)
    with pytest.raises(ResumeCodeError):
        decode(code, ["new-key"], DAY)
    assert decode(code, ["new-key", "old-key"], DAY) == ANSWERS


def test_a_code_works_until_its_last_day_and_is_refused_the_day_after():
    code = encode(ANSWERS, "key-1", DAY)
    last = DAY + timedelta(days=resume_code.VALID_DAYS)
    assert decode(code, ["key-1"], last) == ANSWERS
    with pytest.raises(ResumeCodeError) as refused:
        decode(code, ["key-1"], last + timedelta(days=1))
    assert refused.value.reason == "expired"


@pytest.mark.parametrize("text", ["", "----", "hello world", "Ⅻ①²", "A" * 5000, "\ud800ABC", "AFIT" * 3])
def test_text_that_is_not_a_code_is_refused_not_a_crash(text):
    with pytest.raises(ResumeCodeError):
        decode(text, ["key-1"], DAY)


def test_fifty_different_convictions_fit_in_a_qr_code():
    many = {"convictions": [{"county": "alameda", "section": "11360", "offense_date": str(1970 + i),
                             "level": ("felony", "misdemeanor")[i % 2]} for i in range(50)],
            "person": {}, "done_adding": True}
    code = encode(many, "key-1", DAY)
    assert len(code) <= resume_code.MAX_CODE_CHARS
    assert decode(code, ["key-1"], DAY) == many
