"""The web service: the form (`GET /`), the review step (`POST /review`) and the confirm step (`POST /confirm`).

Nothing is written before the reporter confirms: the review page carries the answers in hidden fields, signed
by the review token. On confirm everything is checked, screened and redacted again, the draft is built and
read back through the schema, and the submission is spooled durably before the receipt is shown.
"""

from __future__ import annotations

import contextlib
from collections import Counter
import datetime as dt
import hashlib
import json
import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from generator.errors import NearmissError
from generator.taxonomy import load_taxonomy
from intake import ids, messages
from intake.config import Config, ConfigError
from intake.csrf import Signer, TokenError
from intake.draft import TITLE_LIMIT, DraftRejected, check_draft, draft_path, draft_text, fit
from intake.forms import HONEYPOT, BadForm, CleanForm, neutralize, read_form, validate
from intake.headers import SecurityHeaders
from intake.limits import BodyLimit
from intake.pages import Pages
from intake.pr_body import pr_body, pr_title
from intake.ratelimit import RateLimiter, client_address
from intake.screening import Screening, apply_choices, decode_removed, encode_removed, screen
from intake.spool import Spool, SpoolItem

log = logging.getLogger("intake.app")
STATIC = Path(__file__).parent / "static"
MAX_FIELDS = 600


class Rejected(Exception):
    """Stop handling a request and answer with this response."""

    def __init__(self, response: Response) -> None:
        self.response = response


def create_app(config: Config, *, worker=None, clock=time.time) -> Starlette:
    """The intake application; `worker` (optional) runs in a thread for the application's lifetime."""
    try:
        taxonomy = load_taxonomy(config.taxonomy)
    except NearmissError as error:
        raise ConfigError(f"NEARMISS_INTAKE_TAXONOMY: {error}") from None
    spool = Spool(config.spool)
    signer = Signer(config.secret, clock)
    limiter = RateLimiter(config.rate_count, config.rate_window)
    pages = Pages(taxonomy, config.site_url)

    def today() -> dt.date:
        return dt.datetime.fromtimestamp(clock(), dt.timezone.utc).date()

    def root(request: Request) -> str:
        return request.scope.get("root_path", "").rstrip("/") + "/"

    def clean(field: str, text: str) -> str:
        text = neutralize(text, multiline=field != "title")
        return fit(text, TITLE_LIMIT) if field == "title" else text

    def prepare(values: dict) -> tuple[CleanForm | None, dict, Screening | None]:
        form, errors = validate(values, taxonomy, today())
        return form, errors, screen(form.texts, clean) if form else None

    def form_page(request: Request, values: dict, errors: dict | None = None, banner: str = "",
                  status: int = 200) -> Response:
        return pages.form(root(request), token=signer.issue("form"), today=today(), values=values,
                          errors=errors, banner=banner, status=status)

    def review_page(request: Request, form: CleanForm, screening: Screening, banner: str = "",
                    status: int = 200) -> Response:
        token = signer.issue("review", payload(form, screening.texts, encode_removed(screening.removed)))
        return pages.review(root(request), token=token, form=form, screening=screening, banner=banner,
                            status=status)

    async def read_post(request: Request) -> tuple[dict, dict]:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            raise Rejected(pages.error(root(request), 415))
        if not same_origin(request, config.origin):
            raise Rejected(pages.error(root(request), 403))
        try:
            form = await request.form(max_files=0, max_fields=MAX_FIELDS)
            values, choices = read_form(list(form.multi_items()))
        except (BadForm, HTTPException, UnicodeDecodeError):
            raise Rejected(pages.error(root(request), 400)) from None
        wait = limiter.hit(client_address(request.scope, config.trust_proxy))
        if wait is not None:
            # Keep what the reporter wrote: the form comes back filled in, to be sent again later.
            values.pop("token", None)
            response = form_page(request, values, banner=messages.ERROR_RATE, status=429)
            response.headers["Retry-After"] = str(int(wait))
            raise Rejected(response)
        if values.get(HONEYPOT):
            values.pop(HONEYPOT)
            raise Rejected(form_page(request, values, banner=messages.ERROR_HONEYPOT, status=422))
        return values, choices

    async def show_form(request: Request) -> Response:
        """GET /: the empty form."""
        return form_page(request, {})

    async def review(request: Request) -> Response:
        """POST /review: check the answers, screen the text, show the review page. Stores nothing."""
        try:
            values, choices = await read_post(request)
        except Rejected as rejected:
            return rejected.response
        try:
            signer.verify(str(values.pop("token", "")), "form", max_age=config.token_ttl)
        except TokenError:
            return form_page(request, values, banner=messages.ERROR_TOKEN_EXPIRED, status=403)
        form, errors, screening = await run_in_threadpool(prepare, values)
        if form is None:
            return form_page(request, values, errors, status=422)
        return review_page(request, form, screening)

    async def confirm(request: Request) -> Response:
        """POST /confirm: check everything again, apply the reporter's choices, spool, show the receipt."""
        try:
            values, choices = await read_post(request)
        except Rejected as rejected:
            return rejected.response
        token, action = str(values.pop("token", "")), values.pop("action", "send")
        removed = str(values.pop("removed", ""))
        form, errors, screening = await run_in_threadpool(prepare, values)
        if action == "edit" or form is None:
            return form_page(request, values, errors, status=200 if form else 422)
        if action != "send":
            return pages.error(root(request), 400)
        try:
            nonce = signer.verify(token, "review", payload(form, form.texts, removed), max_age=config.token_ttl)
        except TokenError as error:
            banner = messages.ERROR_TOKEN_EXPIRED if error.expired else messages.ERROR_CHANGED
            return review_page(request, form, screening, banner=banner, status=403 if error.expired else 409)
        try:
            receipt, again = await run_in_threadpool(accept, form, screening, choices, nonce, decode_removed(removed))
        except DraftRejected as error:
            # A bug, never the reporter's fault: log which fields (not their text) and keep the reporter's text.
            log.error("draft refused by the schema: %s", ", ".join(p.field for p in error.problems))
            return form_page(request, values, banner=messages.ERROR_UNSAFE_TEXT, status=422)
        if worker is not None and not again:
            worker.wake()
        return pages.done(root(request), receipt=receipt, again=again)

    def accept(form: CleanForm, screening: Screening, choices: dict, nonce: str,
               earlier: dict[str, Counter]) -> tuple[str, bool]:
        """Build, check and spool the draft; return the receipt and whether it had been accepted before."""
        texts, decisions = apply_choices(screening, choices)
        texts = {field: clean(field, text) for field, text in texts.items()}
        submission = ids.submission_id(signer.derive("submission", nonce))
        receipt = ids.receipt_code(signer.derive("receipt", nonce))
        day = today()
        report_id = ids.report_id(submission, day)
        path = draft_path(config.content_dir, report_id)
        content = draft_text(form, texts, report_id=report_id, day=day, receipt_hash=ids.receipt_hash(receipt))
        check_draft(content, report_id, taxonomy)
        body = pr_body(form, taxonomy, submission_id=submission, report_id=report_id, path=path,
                       removed={field: earlier.get(field, Counter()) + counter
                                for field, counter in screening.removed.items()}, decisions=decisions)
        title = pr_title(report_id)
        item = SpoolItem(submission, report_id, day.isoformat(), path, content, title, body,
                         f"{title}\n\n{body}")
        fresh = spool.put(item)
        return receipt, not fresh

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def http_error(request: Request, error: HTTPException) -> Response:
        return pages.error(root(request), error.status_code if error.status_code in messages.ERROR_PAGES else 400)

    async def server_error(request: Request, error: Exception) -> Response:
        return pages.error(root(request), 500)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        from intake.screening import warm_up
        from intake.worker import start

        await run_in_threadpool(warm_up)  # load the scanner's lexicons before the first reporter waits for them
        thread, stop = start(worker) if worker is not None else (None, None)
        yield
        if stop is not None:
            stop.set()
            worker.wake()
            thread.join(timeout=30)

    routes = [
        Route("/", show_form, methods=["GET", "HEAD"]),
        Route("/review", review, methods=["POST"]),
        Route("/confirm", confirm, methods=["POST"]),
        Route("/healthz", health, methods=["GET", "HEAD"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders, hsts=config.hsts),
        Middleware(BodyLimit, max_body=config.max_body,
                   too_large=lambda scope: pages.error(scope.get("root_path", "").rstrip("/") + "/", 413)),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    app.state.spool, app.state.limiter, app.state.signer = spool, limiter, signer
    return app


def payload(form: CleanForm, texts: dict, removed: str) -> bytes:
    """What the review token vouches for: every answer, the text as reviewed, and what was removed from it."""
    data = {"facets": form.facets, "event_month": form.event_month, "texts": texts, "removed": removed}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).digest()


def same_origin(request: Request, origin: str) -> bool:
    """False for a request another site's page sent. Browsers send `Origin: null` under our no-referrer
    policy, so a null origin is allowed and the signed token does the real work."""
    if request.headers.get("sec-fetch-site", "same-origin") == "cross-site":
        return False
    sent = request.headers.get("origin")
    if not sent or sent == "null":
        return True
    expected = urlsplit(origin).netloc if origin else request.headers.get("host", "")
    return urlsplit(sent).netloc == expected
