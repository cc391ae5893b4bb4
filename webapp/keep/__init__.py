"""What a person keeps from the check: a resume code, a printable summary, and letters asking
whether a case was already cleared. Nothing here is stored on the server."""
