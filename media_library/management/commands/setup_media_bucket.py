"""Create the media bucket if needed and publish its ``media/`` prefix.

    $ AWS_STORAGE_BUCKET_NAME=tttd AWS_S3_ENDPOINT_URL=http://127.0.0.1:9000 \\
      AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... manage.py setup_media_bucket

Idempotent. Image originals and documents (``private/``) stay readable only with the app's
keys; the policy it sets replaces any other, so nothing else of the bucket is public.
"""

import json

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from media_library.storage import public_read_policy


class Command(BaseCommand):
    help = "Create the S3 media bucket if missing and make its media/ prefix publicly readable."

    def handle(self, *args, **options) -> None:
        storage = storages["default"]
        bucket_name = getattr(storage, "bucket_name", None)
        if not bucket_name:
            raise CommandError("AWS_STORAGE_BUCKET_NAME is not set: media are on local disk.")
        client = storage.connection.meta.client
        try:
            client.head_bucket(Bucket=bucket_name)
        except ClientError:
            region = settings.STORAGES["default"]["OPTIONS"].get("region_name")
            extra = (
                {"CreateBucketConfiguration": {"LocationConstraint": region}}
                if region and region != "us-east-1"
                else {}
            )
            client.create_bucket(Bucket=bucket_name, **extra)
            self.stdout.write(f"Created bucket {bucket_name}.")
        client.put_bucket_policy(
            Bucket=bucket_name, Policy=json.dumps(public_read_policy(bucket_name))
        )
        self.stdout.write(f"Bucket {bucket_name}: media/ is public, private/ is not.")
