"""`nearmiss intake`: run the anonymous submission form and its pull-request worker.

All settings come from NEARMISS_INTAKE_* environment variables (see docs-dev/intake.md); the options below
override the few that matter on a developer's machine. With none set, the form accepts submissions into the
git repository in the current directory (the local forge).
"""

from __future__ import annotations

import logging.config
import os
import threading

import click

DEFAULT_PORT = 8080


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it loopback "
              "behind a reverse proxy).")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True)
@click.option("--repo", default=None, help="Local forge: the git repository (default .). Remote forges: owner/name.")
@click.option("--spool", default=None, help="Spool directory for accepted submissions.")
@click.option("--no-worker", is_flag=True, help="Only accept submissions; another process opens pull requests.")
@click.option("--worker-only", is_flag=True, help="Only open pull requests from the spool (no web form).")
@click.option("--drain", is_flag=True, help="With --worker-only: exit when the spool is empty.")
def command(host, port, repo, spool, no_worker, worker_only, drain):
    """Serve the anonymous submission form (http://127.0.0.1:8080/ by default)."""
    from intake import messages
    from intake.config import ConfigError, load_config
    from intake.logs import log_config

    logging.config.dictConfig(log_config(os.environ.get("NEARMISS_INTAKE_LOG_LEVEL", "INFO")))
    try:
        config = load_config(repo=repo, spool=spool)
        worker = None if no_worker else _worker(config)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    if config.secret_is_ephemeral:
        click.echo(messages.EPHEMERAL_SECRET, err=True)
    if worker_only:
        _run_worker(worker, drain)
        return
    _serve(config, worker, host, port)


def _worker(config):
    from intake.forges import make_forge
    from intake.spool import Spool
    from intake.worker import Worker

    return Worker(Spool(config.spool), make_forge(config), interval=config.worker_interval,
                  batch_seconds=config.batch_seconds, max_delay=config.retry_max)


def _run_worker(worker, drain: bool) -> None:
    if drain:
        while worker.spool.pending():
            if not worker.sweep().opened:
                threading.Event().wait(worker.interval)
        return
    stop = threading.Event()
    try:
        worker.run(stop)
    except KeyboardInterrupt:
        stop.set()


def _serve(config, worker, host: str, port: int) -> None:
    import uvicorn

    from intake import messages
    from intake.app import create_app
    from intake.config import ConfigError
    from intake.logs import log_config

    try:
        app = create_app(config, worker=worker)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    click.echo(messages.STARTED.format(host=host, port=port, forge=config.forge, spool=config.spool), err=True)
    # No access log (it records client addresses), no Server header, and no trust in proxy headers for
    # anything but the hashed rate-limit key (intake.ratelimit).
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=log_config(), server_header=False,
                proxy_headers=False, date_header=False, lifespan="on", timeout_graceful_shutdown=10,
                timeout_keep_alive=20)
