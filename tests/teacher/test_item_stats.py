"""Item statistics against figures worked out by hand, and the cases that must not divide by 0."""

from __future__ import annotations

import pytest

from quizapp.teacher.item_stats import MIN_ATTEMPTS, analyse, covariance, variance

# Five first attempts at a three-question quiz (1 = right):
#        q1 q2 q3   T
#   A     1  1  1   3
#   B     1  1  0   2
#   C     1  0  0   1
#   D     0  1  0   1
#   E     0  0  0   0
SMALL = [
    {1: 1, 2: 1, 3: 1},
    {1: 1, 2: 1, 3: 0},
    {1: 1, 2: 0, 3: 0},
    {1: 0, 2: 1, 3: 0},
    {1: 0, 2: 0, 3: 0},
]
ONE_MARK = {1: 1.0, 2: 1.0, 3: 1.0}


def test_facility_discrimination_and_alpha_match_the_hand_computation() -> None:
    stats = analyse(SMALL, ONE_MARK)
    q1, q2, q3 = stats.items
    # Facility = mean(x_i) / max: q1 3/5, q2 3/5, q3 1/5.
    assert (q1.facility, q2.facility, q3.facility) == pytest.approx((60.0, 60.0, 20.0), abs=5e-4)
    # q1: x = 1,1,1,0,0 (mean .6); rest X = T - x = 2,1,0,1,0 (mean .8).
    #   Var(x) = (3*.4² + 2*.6²)/4 = 1.2/4 = .3
    #   Var(X) = (1.2² + .2² + .8² + .2² + .8²)/4 = 2.8/4 = .7
    #   Cov    = (.4*1.2 + .4*.2 - .4*.8 - .6*.2 + .6*.8)/4 = .6/4 = .15
    #   D = 100 * .15 / sqrt(.3 * .7) = 100 * .15 / .458258 = 32.733
    assert q1.discrimination == pytest.approx(32.733, abs=5e-4)
    # q2: x = 1,1,0,1,0; X = 2,1,1,0,0: the same variances and covariance, D = 32.733.
    assert q2.discrimination == pytest.approx(32.733, abs=5e-4)
    # q3: x = 1,0,0,0,0 (mean .2); X = 2,2,1,1,0 (mean 1.2).
    #   Var(x) = (.8² + 4*.2²)/4 = .8/4 = .2 ; Var(X) = (.8²+.8²+.2²+.2²+1.2²)/4 = 2.8/4 = .7
    #   Cov = (.8*.8 - .2*.8 + .2*.2 + .2*.2 + .2*1.2)/4 = .8/4 = .2
    #   D = 100 * .2 / sqrt(.2 * .7) = 100 * .2 / .374166 = 53.452
    assert q3.discrimination == pytest.approx(53.452, abs=5e-4)
    # SD of q3 = sqrt(.2) = .447214 -> 44.721%.
    assert q3.sd == pytest.approx(44.721, abs=5e-4)
    # Efficiency of q1: sorted x = 0,0,1,1,1 with sorted X = 0,0,1,1,2 gives
    #   Cov_max = (.6*.8 + .6*.8 + .4*.2 + .4*.2 + .4*1.2)/4 = 1.6/4 = .4 -> 100*.15/.4 = 37.5
    assert q1.efficiency == pytest.approx(37.5, abs=5e-4)
    # Alpha: T = 3,2,1,1,0 (mean 1.4), Var(T) = (1.6²+.6²+.4²+.4²+1.4²)/4 = 5.2/4 = 1.3;
    #   sum Var(x_i) = .3 + .3 + .2 = .8; alpha = 3/2 * (1 - .8/1.3) = .576923 -> 57.692%.
    assert stats.alpha == pytest.approx(57.692, abs=5e-4)
    assert stats.alpha_questions == 3
    # Mean of the totals as percent: (100 + 66.67 + 33.33 + 33.33 + 0)/5 = 46.667; median 33.333.
    assert stats.mean == pytest.approx(46.667, abs=5e-4)
    assert stats.median == pytest.approx(33.333, abs=5e-4)


def test_too_few_attempts_give_figures_but_no_flags() -> None:
    stats = analyse(SMALL, ONE_MARK)
    assert not stats.enough and stats.min_attempts == MIN_ATTEMPTS
    assert all(item.flags == () for item in stats.items)


def test_everyone_right_is_too_easy_and_discrimination_is_undefined() -> None:
    attempts = [{1: 1, 2: 1} for _ in range(MIN_ATTEMPTS)]
    stats = analyse(attempts, {1: 1.0, 2: 1.0})
    item = stats.items[0]
    assert item.facility == 100.0 and item.sd == 0.0
    assert item.discrimination is None and item.efficiency is None
    assert item.discrimination_word == "n/a"
    assert [flag.code for flag in item.flags] == ["too_easy"]
    assert stats.alpha is None  # Var(T) = 0: undefined, not a ZeroDivisionError
    assert stats.sd == 0.0


def test_nobody_right_is_flagged_as_a_likely_wrong_key() -> None:
    attempts = [{1: 0, 2: n % 2} for n in range(MIN_ATTEMPTS)]
    item = analyse(attempts, {1: 1.0, 2: 1.0}).items[0]
    assert item.facility == 0.0
    assert item.flags[0].label == "Too hard: check the key"


def test_a_question_strong_students_miss_is_flagged_as_not_discriminating() -> None:
    # q1 is right exactly for the students who get q2 and q3 wrong.
    attempts = [{1: 0, 2: 1, 3: 1}] * 5 + [{1: 1, 2: 0, 3: 0}] * 5
    item = analyse(attempts, ONE_MARK).items[0]
    assert item.discrimination == pytest.approx(-100.0)
    assert item.discrimination_word == "negative"
    assert [flag.code for flag in item.flags] == ["no_discrimination"]
    assert "check the key" in item.flags[0].reason


def test_one_attempt_and_no_attempt_never_divide_by_zero() -> None:
    one = analyse([{1: 1, 2: 0}], {1: 1.0, 2: 1.0})
    assert one.items[0].facility == 100.0
    assert one.items[0].sd is None and one.items[0].discrimination is None
    assert one.alpha is None and one.sd is None and one.mean == 50.0
    none = analyse([], {1: 1.0})
    assert none.items[0].facility is None and none.mean is None and none.alpha is None
    assert variance([1.0]) is None and covariance([1.0], [2.0]) is None


def test_a_question_added_after_some_attempts_is_left_out_of_alpha() -> None:
    attempts = [*SMALL, {1: 1, 2: 1, 3: 1, 4: 1}]
    stats = analyse(attempts, {**ONE_MARK, 4: 1.0})
    assert stats.alpha_questions == 3
    assert stats.item(4) is not None and stats.item(4).attempts == 1  # type: ignore[union-attr]
