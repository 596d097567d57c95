"""Values computed once per request, however many templates or pages ask for them."""

MEMO_ATTRIBUTE = "_bpnc_request_memo"


def per_request(request, key, compute):
    """compute() the first time key is asked for during this request; the same
    value after that. Without a request, computed every time."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault(MEMO_ATTRIBUTE, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
