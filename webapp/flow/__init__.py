"""The guided check: which question comes next is derived from the answers on every request."""
