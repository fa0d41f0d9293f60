import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "marketplace.catalogue"

    def ready(self):
        super().ready()
        from .page import connect

        connect()  # product pages follow their photos, categories and the category tree

        from django.db.models.signals import post_delete, post_save
        from oscar.core.loading import get_model

        from .options import options_changed

        Option = get_model("catalogue", "Option")
        post_save.connect(options_changed, sender=Option, dispatch_uid="options-possible-save")
        post_delete.connect(options_changed, sender=Option, dispatch_uid="options-possible-delete")
