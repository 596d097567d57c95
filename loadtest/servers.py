"""The drill's app servers and the proxy in front of them.

Each app server is gunicorn started as production starts it: the real
configuration file (bpnc_site/gunicorn.conf.py: the site preloaded before the
port opens, graceful shutdown, JSON logs), its port and worker count from PORT
and WEB_CONCURRENCY, bound to 127.0.0.1 only. In front: Debian's nginx when it
is installed, else the small Python proxy in loadtest/proxy.py.
"""

import os
import shutil
import signal
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.site import PROJECT_DIR

from . import processes

CONFIG = "bpnc_site/gunicorn.conf.py"
WORKERS = 2
START_TIMEOUT = 120  # seconds: preloading the site is slow on a busy machine
GRACEFUL_TIMEOUT = 30  # gunicorn's own default in the configuration file
NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
{user}
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/client-body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream app {{
{upstreams}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 5s;
            proxy_read_timeout 30s;
        }}
    }}
}}
"""


def get_status(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class AppServer:
    """One gunicorn app server, on the same port whenever it is started again."""

    def __init__(self, name, folder, port):
        self.name = name
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = Path(folder) / f"{name}.log"
        self.process = None

    def start(self, env, cwd=PROJECT_DIR):
        self.launch(env, cwd)
        self.wait_until_ready()

    def launch(self, env, cwd=PROJECT_DIR):
        """Start gunicorn from cwd: the project, or a release's copy of it."""
        env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": str(WORKERS)}
        self.process = processes.start(
            [
                *(sys.executable, "-m", "gunicorn", "--config", CONFIG),
                *("--bind", f"127.0.0.1:{self.port}", "bpnc_site.wsgi"),
            ],
            self.log_path,
            cwd=cwd,
            env=env,
        )

    def wait_until_ready(self):
        processes.wait_for(
            self.ready, START_TIMEOUT, f"{self.name} was not ready", interval=0.5
        )

    def ready(self):
        """Ready as a load balancer sees it: /healthz answers 200."""
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited: see {self.log_path}")
        try:
            return get_status(f"{self.url}/healthz") == 200
        except (urllib.error.URLError, OSError):
            return False

    def workers(self):
        return processes.children(self.process.pid)

    def stop_gracefully(self):
        """SIGTERM, as a rolling restart sends it: the port closes at once and
        the requests already taken are answered first."""
        with processes.signals_held():
            processes.stop(self.process, timeout=GRACEFUL_TIMEOUT + 5)

    def kill(self):
        """The server and its workers gone at once, as when its machine dies."""
        with processes.signals_held():
            processes.stop(self.process, signal.SIGKILL, timeout=5)

    def close(self):
        if self.process is not None:
            with processes.signals_held():
                processes.stop(self.process)


class Front:
    """The proxy visitors reach: nginx, or loadtest/proxy.py without it."""

    def __init__(self, folder, port, upstream_ports, kind=None):
        self.port = port
        self.folder = Path(folder)
        self.upstream_ports = list(upstream_ports)
        self.drained = set()
        self.url = f"http://127.0.0.1:{port}"
        self.kind = kind or ("nginx" if shutil.which("nginx") else "python")
        if self.kind not in ("nginx", "python"):
            raise RuntimeError(f"No proxy called {self.kind!r}: nginx or python")
        folder = Path(folder)
        log = folder / f"proxy-{self.kind}.log"
        if self.kind == "nginx":
            command = self._nginx_command(folder, upstream_ports)
        else:
            ports = [str(port) for port in (port, *upstream_ports)]
            command = [sys.executable, "-m", "loadtest.proxy", *ports]
            command += ["--drained", str(self.drained_file)]
        self.process = processes.start(command, log, cwd=PROJECT_DIR)
        processes.wait_for(self.listening, 30, f"the {self.kind} proxy did not start")

    @property
    def drained_file(self):
        return self.folder / "proxy-drained-ports"

    def drain(self, port):
        """Take an app server out of the pool, as operations.md's rolling restart
        does first: no new request goes to it; those it has taken finish."""
        self.drained.add(port)
        self._apply_pool()

    def restore(self, port):
        self.drained.discard(port)
        self._apply_pool()

    def _apply_pool(self):
        if self.kind == "nginx":
            self._write_nginx_conf()
            processes.signal_group(self.process, signal.SIGHUP)  # nginx -s reload
        else:
            self.drained_file.write_text("".join(f"{p}\n" for p in self.drained))

    def _nginx_command(self, folder, upstream_ports):
        conf = self._write_nginx_conf()
        return ["nginx", "-p", str(folder), "-c", str(conf), "-e", "stderr"]

    def _write_nginx_conf(self):
        conf = self.folder / "nginx.conf"
        # Under root nginx's workers switch to an unprivileged user, who could not
        # write its temporary files in the drill's folder: they stay root.
        user = "user root;" if os.geteuid() == 0 else ""
        servers = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=0"
            f"{' down' if port in self.drained else ''};"
            for port in self.upstream_ports
        )
        conf.write_text(
            NGINX_CONF.format(
                folder=self.folder, user=user, upstreams=servers, port=self.port
            )
        )
        return conf

    def listening(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the {self.kind} proxy exited: see its log")
        with socket.create_connection(("127.0.0.1", self.port), timeout=1):
            pass
        # Whoever answered, the proxy must still be running: it is the one.
        time.sleep(0.3)
        return self.process.poll() is None

    def stop(self):
        with processes.signals_held():
            processes.stop(self.process)
