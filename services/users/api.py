"""Routes of the users service: /auth/… (sign-in, tokens, keys, audit) and /users/… (administration)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request, Response, status

from services.kit.auth import AdminPrincipal, CurrentPrincipal, Principal, StaffPrincipal, require_scope
from services.kit.cron import next_run
from services.kit.db import utcnow
from services.kit.deps import Limit, Offset, SessionDep, client_ip
from services.kit.errors import Forbidden, Invalid
from services.kit.origin import from_this_site
from services.kit.schemas import Page

from . import service
from .deps import RingDep, SettingsDep
from .models import User
from .schemas import (
    AuditEventRead,
    DemoInfo,
    Jwks,
    LoginRequest,
    Me,
    PasswordChange,
    PasswordReset,
    SenderProfile,
    SenderProfileUpdate,
    ServiceClientCreate,
    ServiceClientCreated,
    ServiceClientRead,
    TokenResponse,
    UserCreate,
    UserRead,
    UserUpdate,
)
from .settings import UsersSettings

auth = APIRouter(prefix="/auth", tags=["auth"])
users = APIRouter(prefix="/users", tags=["users"])
UserId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _ip(request: Request, settings: SettingsDep) -> str | None:
    return client_ip(request, settings.trusted_proxies)


IpDep = Annotated[str | None, Depends(_ip)]


async def _actor(session: SessionDep, principal: CurrentPrincipal) -> User:
    if principal.is_service:
        raise Forbidden("A user token is needed here.")
    return await service.current_user(session, principal.user_id)


async def _admin(session: SessionDep, principal: AdminPrincipal) -> User:
    return await service.current_user(session, principal.user_id)


async def _staff(session: SessionDep, principal: StaffPrincipal) -> User:
    return await service.current_user(session, principal.user_id)


ActorDep = Annotated[User, Depends(_actor)]
AdminDep = Annotated[User, Depends(_admin)]
StaffDep = Annotated[User, Depends(_staff)]
ReadingService = Annotated[Principal, Depends(require_scope("users:read"))]


def _cookie_path(request: Request) -> str:
    # Behind the gateway the browser sees /api/auth; called directly it is /auth.
    prefix = request.headers.get("x-forwarded-prefix", "")
    return (prefix if prefix in ("", "/api") else "") + "/auth"


def _set_refresh_cookie(request: Request, response: Response, settings: UsersSettings, raw: str) -> None:
    response.set_cookie(settings.refresh_cookie_name, raw, max_age=settings.refresh_token_ttl_days * 86400,
                        path=_cookie_path(request), httponly=True, secure=settings.secure_cookies, samesite="strict")


def _token_response(request: Request, response: Response, settings: UsersSettings,
                    issued: service.IssuedTokens) -> TokenResponse:
    _set_refresh_cookie(request, response, settings, issued.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return TokenResponse(access_token=issued.access_token, expires_in=issued.expires_in)


@auth.post("/login", responses={401: {}, 429: {}})
async def login(body: LoginRequest, request: Request, response: Response, session: SessionDep,
                settings: SettingsDep, ring: RingDep, ip: IpDep) -> TokenResponse:
    """Sign in with e-mail and password; sets the refresh cookie."""
    issued = await service.login(session, ring, settings, body.email, body.password, ip,
                                 request.headers.get("user-agent"))
    return _token_response(request, response, settings, issued)


async def _from_this_site(request: Request, settings: SettingsDep) -> None:
    """The refresh cookie's routes answer only this site's own pages: no cross-site logout or refresh."""
    if not from_this_site(request, tuple(settings.trusted_proxies), settings.public_url):
        raise Forbidden("This request came from another site's page (send X-Requested-With, or an Origin of "
                        "this site).")


@auth.post("/refresh", response_model=TokenResponse, dependencies=[Depends(_from_this_site)], responses={
    204: {"description": "No refresh cookie came with the request: there is no session to restore"}, 401: {},
    403: {}})
async def refresh(request: Request, response: Response, session: SessionDep, settings: SettingsDep,
                  ring: RingDep, ip: IpDep) -> TokenResponse | Response:
    """Trade the refresh cookie for a new access token and a rotated cookie (204 without a cookie)."""
    raw = request.cookies.get(settings.refresh_cookie_name)
    if not raw:
        # A browser nobody signed in on asks this on every first load: an empty state, not a failure.
        return Response(status_code=status.HTTP_204_NO_CONTENT, headers={"Cache-Control": "no-store"})
    issued = await service.refresh(session, ring, settings, raw, ip, request.headers.get("user-agent"))
    return _token_response(request, response, settings, issued)


@auth.get("/demo")
async def demo_info(settings: SettingsDep) -> DemoInfo:
    """Whether this is the public demo, and when its data is reset next."""
    if not settings.demo_mode:
        return DemoInfo(enabled=False)
    return DemoInfo(enabled=True, reset_cron=settings.demo_reset_cron,
                    next_reset_at=next_run(settings.demo_reset_cron, utcnow()))


@auth.post("/demo", responses={404: {}, 429: {}}, dependencies=[Depends(_from_this_site)])
async def enter_demo(request: Request, response: Response, session: SessionDep, settings: SettingsDep,
                     ring: RingDep, ip: IpDep) -> TokenResponse:
    """Enter the public demo: a demo-role session with no password (demo mode only; limited per address)."""
    issued = await service.enter_demo(session, ring, settings, ip, request.headers.get("user-agent"))
    return _token_response(request, response, settings, issued)


@auth.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses={403: {}},
           dependencies=[Depends(_from_this_site)])
async def logout(request: Request, session: SessionDep, settings: SettingsDep, ip: IpDep) -> Response:
    """End this browser's session and clear the cookie."""
    await service.logout(session, request.cookies.get(settings.refresh_cookie_name), ip)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(settings.refresh_cookie_name, path=_cookie_path(request), httponly=True,
                           secure=settings.secure_cookies, samesite="strict")
    return response


@auth.get("/me")
async def me(actor: ActorDep) -> Me:
    """The signed-in user."""
    return Me.model_validate(actor)


@auth.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(body: PasswordChange, session: SessionDep, actor: ActorDep, ip: IpDep) -> None:
    """Change your own password (ends your other sessions)."""
    await service.change_own_password(session, actor, body.current_password, body.new_password, ip)


@auth.get("/me/sender-profile")
async def my_sender_profile(actor: ActorDep) -> SenderProfile:
    """Your sender profile: the name, role, company, offer, calendar link and signature drafts use."""
    return service.sender_profile(actor)


@auth.put("/me/sender-profile", responses={403: {}, 422: {}})
async def update_my_sender_profile(body: SenderProfileUpdate, session: SessionDep, actor: StaffDep) -> SenderProfile:
    """Replace your sender profile (admins and sales; the shared demo account cannot)."""
    return await service.update_sender_profile(session, actor, body)


@auth.get("/jwks")
async def jwks(response: Response, ring: RingDep) -> Jwks:
    """Public keys that verify access tokens."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return Jwks(**ring.jwks())


@auth.post("/token", responses={401: {}, 403: {}})
async def service_token(
    session: SessionDep, settings: SettingsDep, ring: RingDep, ip: IpDep,
    grant_type: Annotated[str, Form(max_length=64)],
    client_id: Annotated[str, Form(max_length=64)],
    client_secret: Annotated[str, Form(max_length=256)],
    scope: Annotated[str | None, Form(max_length=1000)] = None,
) -> dict[str, object]:
    """OAuth2 client-credentials grant: a scoped token for service-to-service calls."""
    if grant_type != "client_credentials":
        raise Invalid("Only grant_type=client_credentials is supported.")
    token, ttl, granted = await service.issue_service_token(session, ring, settings, client_id, client_secret,
                                                            scope, ip)
    return {"access_token": token, "token_type": "bearer", "expires_in": ttl, "scope": granted}


@auth.get("/audit")
async def audit_log(session: SessionDep, _: AdminDep, limit: Limit = 50, offset: Offset = 0,
                    event: Annotated[str | None, Query(max_length=64)] = None,
                    user_id: Annotated[int | None, Query(ge=1, le=2**31)] = None) -> Page[AuditEventRead]:
    """Authentication and account events, newest first (admins)."""
    rows, total = await service.list_audit(session, event, user_id, limit, offset)
    return Page[AuditEventRead](items=[AuditEventRead.model_validate(r) for r in rows], total=total, limit=limit,
                                offset=offset)


@auth.get("/service-clients")
async def list_service_clients(session: SessionDep, _: AdminDep) -> list[ServiceClientRead]:
    """Service credentials (admins)."""
    return [ServiceClientRead.model_validate(c) for c in await service.list_service_clients(session)]


@auth.post("/service-clients", status_code=status.HTTP_201_CREATED)
async def create_service_client(body: ServiceClientCreate, session: SessionDep,
                                admin: AdminDep) -> ServiceClientCreated:
    """Create service credentials; the secret is shown once (admins)."""
    client, secret = await service.create_service_client(session, body.client_id, body.name, body.scopes,
                                                         actor=admin)
    return ServiceClientCreated.model_validate({**ServiceClientRead.model_validate(client).model_dump(),
                                                "client_secret": secret})


@auth.delete("/service-clients/{client_id}")
async def deactivate_service_client(client_id: str, session: SessionDep, admin: AdminDep) -> ServiceClientRead:
    """Deactivate service credentials (admins)."""
    return ServiceClientRead.model_validate(await service.deactivate_service_client(session, client_id, actor=admin))


@users.get("")
async def list_users(session: SessionDep, _: AdminDep, limit: Limit = 50, offset: Offset = 0,
                     q: Annotated[str | None, Query(max_length=200)] = None) -> Page[UserRead]:
    """Accounts, filtered by name or e-mail (admins)."""
    rows, total = await service.list_users(session, q, limit, offset)
    return Page[UserRead](items=[UserRead.model_validate(r) for r in rows], total=total, limit=limit, offset=offset)


@users.post("", status_code=status.HTTP_201_CREATED, responses={409: {}})
async def create_user(body: UserCreate, session: SessionDep, admin: AdminDep, ip: IpDep) -> UserRead:
    """Create an account (admins)."""
    return UserRead.model_validate(await service.create_user(session, body, actor=admin, ip=ip))


@users.get("/{user_id}", responses={404: {}})
async def get_user(user_id: UserId, session: SessionDep, _: AdminDep) -> UserRead:
    """One account (admins)."""
    return UserRead.model_validate(await service.get_user(session, user_id))


@users.patch("/{user_id}", responses={404: {}, 409: {}})
async def update_user(user_id: UserId, body: UserUpdate, session: SessionDep, admin: AdminDep, ip: IpDep) -> UserRead:
    """Rename, change role, activate or deactivate an account (admins)."""
    return UserRead.model_validate(await service.update_user(session, user_id, body, actor=admin, ip=ip))


@users.get("/{user_id}/sender-profile", responses={403: {}, 404: {}})
async def user_sender_profile(user_id: UserId, session: SessionDep, _: ReadingService) -> SenderProfile:
    """A user's sender profile, for the services that write on their behalf (scope users:read)."""
    return service.sender_profile(await service.get_user(session, user_id))


@users.post("/{user_id}/password", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
async def reset_password(user_id: UserId, body: PasswordReset, session: SessionDep, admin: AdminDep,
                         ip: IpDep) -> None:
    """Set a new password for an account and end its sessions (admins)."""
    await service.reset_password(session, user_id, body.password, actor=admin, ip=ip)

