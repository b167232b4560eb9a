"""`outbound cron`: the demo reset's scheduler, run as the container runs it (a real process, real signals).

Schedules here use the sixth (seconds) field so a test waits seconds, not minutes; the runner treats
them like any other schedule.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner, Result

from services.cli import app as cli
from services.kit.cron import check_state, next_run, validate_cron
from services.kit.settings import ServiceSettings

OUTBOUND = [sys.executable, "-m", "services.cli"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("expression", ["0 * * * *", "*/20 * * * *", "0 3 * * 1-5", "@hourly", " 0  *  * * * "])
def test_standard_schedules_are_accepted(expression: str) -> None:
    assert validate_cron(expression) == " ".join(expression.split())


@pytest.mark.parametrize("expression", ["", "hourly", "61 * * * *", "* * * *", "0 * * * * * *", "@reboot",
                                        "0 25 * * *", "0 * * * * ; rm -rf /"])
def test_anything_else_is_refused_by_the_setting(expression: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTBOUND_DEMO_RESET_CRON", expression)
    with pytest.raises(ValidationError, match="OUTBOUND_DEMO_RESET_CRON"):
        ServiceSettings()


def test_the_default_is_hourly_in_utc() -> None:
    assert ServiceSettings().demo_reset_cron == "0 * * * *"
    assert next_run("0 * * * *", datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC)) == datetime(2026, 3, 29, 1, tzinfo=UTC)


def start_runner(tmp_path: Path, schedule: str, command: list[str], *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTBOUND_")}
    return subprocess.Popen([*OUTBOUND, "cron", "--schedule", schedule, "--state-file", str(tmp_path / "state.json"),
                             *extra, "--", *command], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for_state(tmp_path: Path, runner: subprocess.Popen[str], done: Any, deadline: float = 60) -> dict[str, Any]:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        assert runner.poll() is None, runner.communicate()[0]
        try:
            state: dict[str, Any] = json.loads((tmp_path / "state.json").read_text())
        except (OSError, ValueError):
            state = {}
        if state and done(state):
            return state
        time.sleep(0.1)
    runner.kill()
    raise AssertionError(f"the runner never got there: {runner.communicate()[0]}")


def stop(runner: subprocess.Popen[str]) -> tuple[int, str]:
    runner.send_signal(signal.SIGTERM)
    output, _ = runner.communicate(timeout=60)
    return runner.returncode, output


def check(tmp_path: Path) -> Result:
    """``outbound cron --check``, the container's healthcheck, in this process (the CLI is slow to start)."""
    return CliRunner().invoke(cli, ["cron", "--check", "--state-file", str(tmp_path / "state.json")])


def test_runs_the_command_on_the_schedule_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    log = tmp_path / "runs.log"
    runner = start_runner(tmp_path, "* * * * * */1",
                          ["sh", "-c", f'echo "$(date +%s.%N) $OUTBOUND_DEMO_MODE" >> {log}'], "--at-start")
    state = wait_for_state(tmp_path, runner, lambda s: s["runs"] >= 3)
    assert state["last_exit_code"] == 0 and state["command"][0] == "sh"
    assert check(tmp_path).exit_code == 0
    code, output = stop(runner)
    assert code == 0, output
    assert len(log.read_text().splitlines()) >= 3
    assert "exited with 0" in output


def test_a_failing_run_is_reported_unhealthy_and_the_next_run_still_happens(tmp_path: Path) -> None:
    flag = tmp_path / "fail-once"
    flag.touch()
    # Fails while the flag exists (and removes it): the first run fails, the later ones succeed.
    script = f"if [ -e {flag} ]; then rm {flag}; exit 3; fi"
    runner = start_runner(tmp_path, "* * * * * */1", ["sh", "-c", script])
    wait_for_state(tmp_path, runner, lambda s: s["runs"] == 1)
    # In-process: the CLI takes longer to start than the next (successful) run takes to come.
    assert "exited with 3" in str(check_state(tmp_path / "state.json"))
    wait_for_state(tmp_path, runner, lambda s: s["runs"] >= 2 and s["last_exit_code"] == 0)
    assert check(tmp_path).exit_code == 0
    assert stop(runner)[0] == 0


def test_a_killed_run_leaves_the_runner_alive(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    runner = start_runner(tmp_path, "* * * * * */1", ["sh", "-c", f"echo $$ > {pid_file}; exec sleep 30"])
    wait_for_state(tmp_path, runner, lambda s: s["running_since"] is not None and pid_file.exists())
    os.kill(int(pid_file.read_text()), signal.SIGKILL)  # a reset killed halfway
    state = wait_for_state(tmp_path, runner, lambda s: s["runs"] >= 1)
    assert state["last_exit_code"] == -signal.SIGKILL
    wait_for_state(tmp_path, runner, lambda s: s["running_since"] is not None and s["runs"] >= 1)  # the next run
    code, output = stop(runner)  # SIGTERM reaches the running child too
    assert code == 0, output


def test_runs_never_overlap_and_missed_times_are_skipped(tmp_path: Path) -> None:
    marker, log = tmp_path / "running", tmp_path / "runs.log"
    # Each run takes ~1.5 scheduled times; a second run starting while one is going would find the marker.
    script = (f"if [ -e {marker} ]; then echo OVERLAP >> {log}; fi; "
              f"touch {marker}; sleep 1.5; rm {marker}; echo ok >> {log}")
    runner = start_runner(tmp_path, "* * * * * */1", ["sh", "-c", script], "--at-start")
    state = wait_for_state(tmp_path, runner, lambda s: s["runs"] >= 2)
    assert state["skipped"] >= 1
    assert stop(runner)[0] == 0
    assert "OVERLAP" not in log.read_text()


def test_check_without_a_runner_is_unhealthy(tmp_path: Path) -> None:
    result = check(tmp_path)
    assert result.exit_code == 1 and "no readable state" in result.output
    (tmp_path / "state.json").write_text(json.dumps({"heartbeat": time.time() - 3600, "last_exit_code": 0}))
    assert "heartbeat" in str(check_state(tmp_path / "state.json"))


def test_bad_schedule_or_no_command_is_a_usage_error() -> None:
    bad = CliRunner().invoke(cli, ["cron", "--schedule", "every hour", "--", "true"])
    assert bad.exit_code == 2 and "is not a cron schedule" in bad.output
    none = CliRunner().invoke(cli, ["cron"])
    assert none.exit_code == 2 and "name the command" in none.output
