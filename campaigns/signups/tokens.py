"""The signed links emailed to a neighbour: stop contacting me, confirm my
sign-up, and see or erase my data.

They carry row ids only, never an email address, so nothing personal ends up
in a server's access log; the signature (SECRET_KEY) keeps them from being
guessed or changed.
"""

from django.conf import settings
from django.core import signing

STOP = "campaigns.signups.stop"
CONFIRM = "campaigns.signups.confirm"
OWN_DATA = "campaigns.signups.own-data"


def stop_token(signup_id):
    """Valid as long as the sign-up exists: stopping never expires."""
    return signing.dumps(signup_id, salt=STOP)


def confirm_token(signup_id):
    return signing.dumps(signup_id, salt=CONFIRM)


def own_data_token(signup_ids):
    return signing.TimestampSigner(salt=OWN_DATA).sign_object(sorted(signup_ids))


def read(token, salt, max_age=None):
    """What a token carries, or None when it is forged, changed or too old."""
    try:
        if salt == OWN_DATA:
            return signing.TimestampSigner(salt=salt).unsign_object(
                token, max_age=max_age
            )
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired included
        return None


def own_data_ids(token):
    ids = read(token, OWN_DATA, max_age=settings.OWN_DATA_LINK_HOURS * 60 * 60)
    if not isinstance(ids, list) or not all(isinstance(pk, int) for pk in ids):
        return None
    return ids


def confirm_id(token):
    pk = read(token, CONFIRM, max_age=settings.SIGNUP_CONFIRMATION_DAYS * 24 * 3600)
    return pk if isinstance(pk, int) else None


def stop_id(token):
    pk = read(token, STOP)
    return pk if isinstance(pk, int) else None
