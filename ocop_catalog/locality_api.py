"""The communes of a province as JSON, for the address forms' script (static/js/communes.js): choosing a
province fills the commune list in place. The forms work without it (their "Show communes" button)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import cache_control

from .selectors import commune_choices, province_choices

# Units change only by decree: browsers and proxies may keep the answer for a day.
CACHE_SECONDS = 24 * 3600


class CommunesApiView(View):
    """GET /api/ocop/communes/?province=<code> → {"province": code, "communes": [{"code", "name"}]}."""

    def get(self, request, *args, **kwargs):
        code = request.GET.get("province", "").strip()
        if code not in {province for province, _name in province_choices()}:
            return JsonResponse({"error": _("Unknown province code.")}, status=400)
        communes = [{"code": choice.code, "name": choice.name} for choice in commune_choices(province_code=code)]
        return JsonResponse({"province": code, "communes": communes}, json_dumps_params={"ensure_ascii": False})

    @classmethod
    def as_view(cls, **initkwargs):
        return cache_control(public=True, max_age=CACHE_SECONDS)(super().as_view(**initkwargs))
