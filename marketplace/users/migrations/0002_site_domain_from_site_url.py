"""Django's Site record named example.com: e-mails linked there. Set it from settings.SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def site_from_site_url(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlsplit(settings.SITE_URL).netloc
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME})


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(site_from_site_url, migrations.RunPython.noop)]
