"""Oscar's sorl thumbnailer, remembering within the process the thumbnails it has looked up.

sorl asks its key-value store (Redis, and the database behind it when Redis is cold) for every
thumbnail of every card. A stored file never changes under the same name (uploads get new names), so a
thumbnail found once for a source name and options stays right: later look-ups cost no round trip.
"""

import threading

from oscar.core.thumbnails import SorlThumbnail

# Entries are small (a name and a size); the catalogue's images × sizes fit many times over.
MEMO_MAX_ENTRIES = 50_000

_memo: dict = {}
_lock = threading.Lock()


def _source_name(source) -> str:
    return str(getattr(source, "name", source) or "")


class MemoizedSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        name = _source_name(source)
        try:
            key = (name, tuple(sorted(opts.items())))
            hash(key)
        except TypeError:  # an option sorl accepts but we cannot key on: ask sorl every time
            return super().generate_thumbnail(source, **opts)
        thumbnail = _memo.get(key)
        if thumbnail is None:
            thumbnail = super().generate_thumbnail(source, **dict(opts))
            # sorl hands back an unsaved thumbnail when the source cannot be read: ask again next time.
            if name and thumbnail is not None and thumbnail.exists():
                with _lock:
                    if len(_memo) >= MEMO_MAX_ENTRIES:
                        _memo.clear()
                    _memo[key] = thumbnail
        return thumbnail

    def delete_thumbnails(self, source):
        name = _source_name(source)
        with _lock:
            for key in [key for key in _memo if key[0] == name]:
                del _memo[key]
        super().delete_thumbnails(source)
