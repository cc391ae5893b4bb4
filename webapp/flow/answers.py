"""The answers in the encrypted cookie: codes only, never free text, names or case numbers."""

from flask import session

from .path import Step, pruned_path

KEY = "a"


def load() -> dict:
    answers = session.get(KEY)
    if not isinstance(answers, dict):
        return {"convictions": [], "person": {}}
    answers.setdefault("convictions", [])
    answers.setdefault("person", {})
    return answers


def save(answers: dict) -> list[Step]:
    """Store the answers, pruned to the path; that path (``steps`` of what was stored)."""
    session[KEY], path = pruned_path(answers)
    return path


def clear() -> None:
    session.clear()
