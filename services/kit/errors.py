"""One error tree for every service, rendered as RFC 9457 ``application/problem+json``.

Hierarchy::

    AppError (500)
    ├── Invalid (422)          input that passed the schema but breaks a rule
    ├── Unauthorized (401)     no or bad credentials
    ├── Forbidden (403)        authenticated, not allowed
    ├── NotFound (404)
    ├── Conflict (409)
    ├── PayloadTooLarge (413)
    ├── RateLimited (429)      carries ``retry_after`` seconds
    ├── Unavailable (503)      this service cannot work right now (its database is unreadable)
    └── Upstream (502)         a dependency failed; ``UpstreamTimeout`` (504)

Raise these from services; never build HTTP responses below the route layer.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("outbound.errors")

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class AppError(Exception):
    """Base of every error a service raises on purpose; carries its HTTP status."""

    status = 500
    code = "internal"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
    ) -> None:
        super().__init__(detail or self.default_detail())
        self.detail = detail or self.default_detail()
        # True: the request's database changes are committed although the request is refused.
        self.keep_changes = keep_changes
        self.errors = errors
        self.headers = headers or {}

    @classmethod
    def default_detail(cls) -> str:
        return _TITLES.get(cls.status, "Error")


class Invalid(AppError):
    status = 422
    code = "invalid"


class Unauthorized(AppError):
    status = 401
    code = "unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(AppError):
    status = 403
    code = "forbidden"


class NotFound(AppError):
    status = 404
    code = "not-found"


class Conflict(AppError):
    status = 409
    code = "conflict"


class PayloadTooLarge(AppError):
    status = 413
    code = "too-large"


class RateLimited(AppError):
    status = 429
    code = "rate-limited"

    def __init__(self, detail: str | None = None, *, retry_after: int = 1, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after = max(1, int(retry_after))
        self.headers["Retry-After"] = str(self.retry_after)


class Unavailable(AppError):
    status = 503
    code = "unavailable"


class Upstream(AppError):
    status = 502
    code = "upstream"


class UpstreamTimeout(Upstream):
    status = 504
    code = "upstream-timeout"


def problem_body(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    title: str | None = None,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The RFC 9457 document; ``type`` is a stable URN so clients can switch on it."""
    body: dict[str, Any] = {
        "type": f"urn:outbound:problem:{code or _code_for(status)}",
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


def _code_for(status: int) -> str:
    return _TITLES.get(status, "error").lower().replace(" ", "-")


def problem_response(
    status: int,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    **kwargs: Any,
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, detail, **kwargs), status_code=status, headers=headers, media_type=PROBLEM_JSON
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        out.append({"loc": loc, "msg": str(err.get("msg", "")), "type": err.get("type")})
    return out


def install_problem_handlers(app: FastAPI) -> None:
    """Every error leaves the service as problem+json, including framework and unexpected ones."""

    async def app_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return problem_response(
            exc.status, exc.detail, code=exc.code, errors=exc.errors, headers=exc.headers, instance=request.url.path
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
        return problem_response(
            exc.status_code, detail, headers=dict(exc.headers or {}), instance=request.url.path
        )

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return problem_response(
            422, "The request is not valid.", code="validation", errors=_validation_errors(exc),
            instance=request.url.path,
        )

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(500, "An unexpected error occurred.", instance=request.url.path)

    app.add_exception_handler(AppError, app_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)
