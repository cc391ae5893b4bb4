"""The answers in the encrypted cookie: codes only, never free text, names or case numbers."""

from flask import session

from .path import prune

KEY = "a"


def load() -> dict:
    answers = session.get(KEY)
    if not isinstance(answers, dict):
        return {"convictions": [], "person": {}}
    answers.setdefault("convictions", [])
    answers.setdefault("person", {})
    return answers


def save(answers: dict) -> None:
    session[KEY] = prune(answers)


def clear() -> None:
    session.clear()
