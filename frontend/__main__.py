"""``python -m frontend``: serve the reader frontend on 127.0.0.1:$FRONTEND_PORT.

In production run several workers behind the reverse proxy instead, e.g.
``uvicorn frontend.app:app --workers 4 --port 8001 --proxy-headers``.
"""

import uvicorn

from frontend.app import create_app
from frontend.config import from_environment

if __name__ == "__main__":
    config = from_environment()
    uvicorn.run(create_app(config), host="127.0.0.1", port=config.port)
