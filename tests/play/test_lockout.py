"""The keypad's rest after wrong PINs: a minute, doubling each round up to an hour, kept
across restarts."""

from __future__ import annotations

from kiosk.play.lockout import FIRST_REST, LONGEST_REST, TRIES, Lockout


def wrong_round(lockout: Lockout, wall: float) -> None:
    for _ in range(TRIES):
        lockout.failed(wall)


def test_each_round_of_wrong_pins_doubles_the_rest_up_to_an_hour():
    lockout, wall, rests = Lockout(), 1_000_000.0, []
    for _ in range(9):
        wrong_round(lockout, wall)
        rests.append(lockout.until - wall)
        assert lockout.resting(wall + rests[-1] - 1) and not lockout.resting(wall + rests[-1])
        wall += rests[-1]
    assert rests == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert rests[0] == FIRST_REST and max(rests) == LONGEST_REST


def test_two_wrong_pins_do_not_rest_and_a_right_one_starts_over():
    lockout = Lockout()
    lockout.failed(0.0)
    lockout.failed(1.0)
    assert not lockout.resting(2.0)
    wrong_round(lockout, 3.0)  # the first of these completes the round
    assert lockout.resting(4.0)
    lockout.succeeded()
    wrong_round(lockout, 5000.0)
    assert lockout.until - 5000.0 == FIRST_REST  # back to a minute


def test_the_rest_survives_a_restart(tmp_path):
    state = tmp_path / "kiosk" / "keypad.json"
    first = Lockout(state)
    wrong_round(first, 0.0)
    wrong_round(first, FIRST_REST)
    again = Lockout(state)  # the kiosk was unplugged and started again
    assert again.resting(FIRST_REST + 100)
    assert again.rounds == 2 and again.until == FIRST_REST + 2 * FIRST_REST
    wrong_round(again, again.until)
    assert again.until - 3 * FIRST_REST == 4 * FIRST_REST


def test_an_unreadable_state_file_starts_from_none(tmp_path, caplog):
    state = tmp_path / "keypad.json"
    state.write_text("{not json", encoding="utf-8")
    lockout = Lockout(state)
    assert not lockout.resting(0.0)
    assert "unreadable" in caplog.text
    wrong_round(lockout, 0.0)
    assert Lockout(state).resting(1.0)  # and it is written whole again


def test_a_rest_far_in_the_future_is_cut_to_an_hour(tmp_path):
    """A file written while the clock was years ahead must not lock the operator out."""
    state = tmp_path / "keypad.json"
    state.write_text('{"failures": 0, "rounds": 3, "until": 1e12}', encoding="utf-8")
    lockout = Lockout(state)
    assert lockout.resting(1_000_000.0)
    assert not lockout.resting(1_000_000.0 + LONGEST_REST)
    assert Lockout(state).until == 1_000_000.0 + LONGEST_REST  # and so it is kept


def test_any_state_file_reads_back_without_a_crash(tmp_path):
    """Weeks of wrong PINs, or a file edited by hand, never end the show."""
    state = tmp_path / "keypad.json"
    for text in ('{"failures": 2, "rounds": 1100, "until": 0}',
                 '{"failures": 0, "rounds": 1e400, "until": 0}',
                 '{"failures": -5, "rounds": "x", "until": null}', '[]', '{"until": 1e999}'):
        state.write_text(text, encoding="utf-8")
        lockout = Lockout(state)
        wrong_round(lockout, 0.0)
        assert 0 < lockout.until <= LONGEST_REST, text
