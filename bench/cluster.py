"""The scale-out bench's cluster: nginx's configuration and log, each process's environment, a signed-in browser."""

import http.cookiejar
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from load_test import PYTHON, environment

HEARTBEAT_SECONDS = 10
PASSWORD = os.environ.get("DEMO_PASSWORD", "gcm-demo-2026")

NGINX_CONF = """
{user}
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {run}/nginx-body;
    proxy_temp_path {run}/nginx-proxy;
    fastcgi_temp_path {run}/nginx-fastcgi;
    uwsgi_temp_path {run}/nginx-uwsgi;
    scgi_temp_path {run}/nginx-scgi;
    log_format timed '$msec|$status|$upstream_addr|$upstream_status|$request_time|$request|$request_id';
    access_log {run}/nginx-access.log timed;

    upstream portal {{
        server 127.0.0.1:{port_a} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:{port_b} max_fails=1 fail_timeout=5s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 25m;
        proxy_read_timeout 90s;
        location / {{
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
"""

def shared_environment(args, run: Path) -> dict:
    """What every process shares: the database, the cache, the media storage, the signing key."""
    env = environment(args.database_url, run / "shared")
    env.update({"CACHE_URL": args.cache_url, "MEDIA_ROOT": str(run / "shared-media"), "LOG_FORMAT": "json",
                "BENCH_STATIC_ROOT": str(run / "static"),
                "REPORT_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS), "SECRET_KEY": secrets.token_urlsafe(50),
                "TRUSTED_PROXY_COUNT": "1"})
    return env


def instance(shared: dict, folder: Path) -> dict:
    """A server's or worker's own working folder (VAR_DIR); nothing else of its own."""
    folder.mkdir(parents=True)
    return {**shared, "VAR_DIR": str(folder)}


def flush_cache(url: str, env: dict) -> None:
    subprocess.run([str(PYTHON), "-c", "import sys, redis; redis.Redis.from_url(sys.argv[1]).flushdb()", url],
                   env=env, check=True)


class Browser:
    """One signed-in person, talking to a server directly (not through nginx). The cookies are per host, not
    per port: the session cookie A sets is sent to B too, as a load balancer would mix them."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, url: str, data: dict | None = None, request_id: str = "") -> tuple[int, bytes, dict]:
        body = None
        if data is not None:
            token = next((cookie.value for cookie in self.jar if cookie.name == "csrftoken"), "")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={
            "Referer": url, **({"X-Request-ID": request_id} if request_id else {})})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)
        except OSError as error:
            return 0, str(error).encode(), {}

    def log_in(self, base: str, username: str) -> None:
        self.request(f"{base}/en/accounts/login/")
        status, page, _headers = self.request(f"{base}/en/accounts/login/",
                                              {"username": username, "password": PASSWORD})
        if b"/accounts/logout/" not in page:
            sys.exit(f"Could not sign in as {username} on {base} ({status}).")


def nginx_lines(run: Path) -> list[tuple[float, int, list[str]]]:
    """Each request nginx passed on: when, its status, the servers it tried ("A, B" when A refused it)."""
    lines = []
    path = run / "nginx-access.log"
    for line in path.read_text(errors="replace").splitlines() if path.exists() else []:
        parts = line.split("|")
        if len(parts) >= 3 and parts[1].isdigit():
            lines.append((float(parts[0]), int(parts[1]), parts[2].split(", ")))
    return lines
