"""Access functions for entries we add to Oscar's dashboard menu (Oscar's default only knows its own apps)."""


def staff_only(user, url_name=None, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff
