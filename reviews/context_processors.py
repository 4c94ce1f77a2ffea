from reviews.selectors.notifications import unread_count


def notifications(request):
    """The unread count in the navigation bar: one indexed COUNT, only for signed-in users."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counted = getattr(request, "unread_notifications", None)  # by a kept page's key (views/page_cache.py)
    return {"unread_notifications": unread_count(user) if counted is None else counted}
