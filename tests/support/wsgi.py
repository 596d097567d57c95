"""Calling the WSGI front door as a server would."""

import io


def wsgi_environ(path, **extra):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        **extra,
    }


class DjangoStandIn:
    """Records what the WSGI front door passes on to Django."""

    def __init__(self):
        self.calls = []

    def __call__(self, environ, start_response):
        self.calls.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def serve(application, environ):
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    answer["body"] = b"".join(application(environ, start_response))
    return answer
