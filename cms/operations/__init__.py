"""Operations: backup and restore of the whole site (``manage.py backup_site`` and
``restore_site``). Reads every room's data through the database and the storages; only the
reader API's cache is touched by name (dropped after a restore)."""
