"""The English admin reads typed dates day first, as the Vietnamese one does.

The admin's date pickers show WAGTAIL_DATE_FORMAT (15/06/2022) in every language; Django's
English input formats are month-first and would read 06/05/2022 as 5 June.
"""

from django.conf import settings

DATE_INPUT_FORMATS = settings.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = settings.DATETIME_INPUT_FORMATS
