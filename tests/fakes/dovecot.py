"""Dovecot (Debian's dovecot-imapd) as a plain test process on a loopback port (recipes §1).

:class:`Dovecot` writes a config into its own mkdtemp directory (mode 0755: the auth process runs
as ``dovecot`` and needs +x on every parent, so pytest's 0700 tmp_path cannot be used), starts
``dovecot -F`` and waits for the ``* OK`` greeting. Mail is stored as Maildir under
``<dir>/mail/<user>`` owned by ``nobody``; users live in a passwd-file and can be added while it runs.

Two ways to put mail in: :meth:`append` over IMAP (~3 ms a message), and :meth:`drop_into_maildir`,
which writes message files straight into ``new/`` (thousands a second; Dovecot assigns UIDs when the
folder is next opened), for the 5,000-message box.
"""

from __future__ import annotations

import imaplib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import free_port

DOVECOT = "/usr/sbin/dovecot"
MAIL_UID = MAIL_GID = 65534  # nobody: mail processes may not run as root

CONFIG = """base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/passwd
}}
# Tests log in with wrong passwords on purpose: no growing per-IP penalty for the logins after them.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def available() -> bool:
    return os.path.exists(DOVECOT) and os.geteuid() == 0


class Dovecot:
    def __init__(self, users: dict[str, str] | None = None) -> None:
        self.users = dict(users or {"alice": "secret"})
        self.port = free_port()
        self.host = "127.0.0.1"
        # tmpfs when there is one: the 5,000-message box writes 5,000 files.
        shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        self.dir = Path(tempfile.mkdtemp(prefix="dovecot-", dir=shm))
        os.chmod(self.dir, 0o755)
        self.proc: subprocess.Popen[bytes] | None = None

    def _write_users(self) -> None:
        lines = "".join(f"{name}:{password}::::::\n" for name, password in self.users.items())
        (self.dir / "passwd").write_text(lines)
        os.chmod(self.dir / "passwd", 0o644)

    def add_user(self, name: str, password: str) -> None:
        self.users[name] = password
        self._write_users()

    def start(self) -> Dovecot:
        mail = self.dir / "mail"
        mail.mkdir()
        os.chown(mail, MAIL_UID, MAIL_GID)
        self._write_users()
        conf = self.dir / "dovecot.conf"
        conf.write_text(CONFIG.format(d=self.dir, port=self.port, uid=MAIL_UID, gid=MAIL_GID))
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", str(conf)], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                log = self.log()
                self.stop()
                raise RuntimeError(f"dovecot exited: {err}\n{log}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError("dovecot did not greet within 15 s")

    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- putting mail in ------------------------------------------------------------------------
    def client(self, user: str) -> imaplib.IMAP4:
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        imap.login(user, self.users[user])
        return imap

    def append(self, user: str, *messages: bytes, folder: str = "INBOX") -> None:
        imap = self.client(user)
        try:
            for raw in messages:
                status, data = imap.append(folder, "", None, raw)  # type: ignore[arg-type]
                if status != "OK":
                    raise RuntimeError(f"APPEND failed: {data!r}")
        finally:
            imap.logout()

    def drop_into_maildir(self, user: str, messages: Iterable[bytes]) -> int:
        """Write messages straight into the user's INBOX Maildir (new/), as a local delivery would."""
        root = self.dir / "mail" / user
        for sub in ("", "cur", "new", "tmp"):
            (root / sub).mkdir(exist_ok=True)
            os.chown(root / sub, MAIL_UID, MAIL_GID)
        count = 0
        stamp = int(time.time())
        for raw in messages:
            name = f"{stamp}.M{count}P{os.getpid()}Q{uuid.uuid4().hex[:8]}.test"
            path = root / "new" / name
            path.write_bytes(raw)
            os.chown(path, MAIL_UID, MAIL_GID)
            count += 1
        return count

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, bytes]:
        """UID → FLAGS as the server keeps them (to prove a poll changed nothing)."""
        imap = self.client(user)
        try:
            imap.select(folder, readonly=True)
            _status, data = imap.uid("fetch", "1:*", "(UID FLAGS)")
            out: dict[int, bytes] = {}
            for line in data:
                if isinstance(line, bytes) and b"UID" in line:
                    parts = line.split(b"UID ", 1)[1]
                    uid = int(parts.split(b" ", 1)[0].rstrip(b")"))
                    out[uid] = line.split(b"FLAGS ", 1)[1] if b"FLAGS" in line else b""
            return out
        finally:
            imap.logout()
