"""The one error type for input that does not meet the contract.

Every entry point (Python, command line, HTTP, the packet) reports bad input the same way: the
path of the offending field, as in ``convictions[1].level``, and a one-line English message.
"""


class InputError(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def as_json(self) -> dict:
        return {"error": {"path": self.path, "message": self.message}}
