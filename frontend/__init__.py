"""The reader frontend: a server-rendered Starlette app fed only by the CMS's HTTP API.

It imports nothing from the CMS's Django code and has no database. Run it with
``uvicorn frontend.app:app`` (``make run`` does, beside the CMS).
"""
