"""Django format modules (FORMAT_MODULE_PATH): only what differs from Django's own."""
