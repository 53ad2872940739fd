"""How the admin refuses a logged-in user who lacks a permission, as the user sees it."""

from django.test import Client

NO_PERMISSION = "Rất tiếc, bạn không có quyền truy cập khu vực này."


def is_refused(client: Client, response) -> bool:
    """Exactly Wagtail's refusal: a page asked for (GET) sends the user back to the dashboard,
    which says why; a form sent (POST) is answered 403 and changes nothing."""
    if response.request["REQUEST_METHOD"] != "GET":
        return response.status_code == 403
    return (
        response.status_code == 302
        and response["Location"] == "/admin/"
        and NO_PERMISSION in client.get("/admin/").content.decode()
    )
