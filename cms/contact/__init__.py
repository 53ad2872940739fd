"""Readers' questions: the API that takes them, the rate limit, the e-mail, the admin."""
