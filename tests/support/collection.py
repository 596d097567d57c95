"""For work started as soon as the tests are collected (a drill, a throwaway site
built in other processes): whether a collected test that needs it will run."""


def will_run(item):
    """Not marked skip, nor skipif with a true condition (conditions given as
    strings are not evaluated here: such a test counts as running)."""
    return not item.get_closest_marker("skip") and not any(
        mark.args and mark.args[0] is True for mark in item.iter_markers("skipif")
    )


def needed(session, fixture):
    """Whether a test of the session that will run uses fixture."""
    if session.config.option.collectonly:
        return False
    return any(
        fixture in getattr(item, "fixturenames", ()) and will_run(item)
        for item in session.items
    )
