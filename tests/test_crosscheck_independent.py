"""q_learning_update and chunk_text have no library to trust: each reference is checked
against an independent implementation written from the definition, in another shape.

Thousands of seeded random inputs each, errors included, then every test of the challenge.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest
from crosscheck import BUILTIN, ROUNDS, assert_same, expected_outcome, outcome, reference

# --- q_learning_update: Sutton & Barto, eq. 6.8, as an agent ------------------------------


class TabularAgent:
    """Q-learning as the textbook writes it: Q(S,A) ← Q(S,A) + α[R + γ·max_a Q(S',a) − Q(S,A)],
    with Q(terminal, ·) = 0, and an ε-greedy policy drawing from one seeded generator."""

    def __init__(self, table: list[list[float]], alpha: float, gamma: float) -> None:
        if not table or not table[0] or len({len(row) for row in table}) != 1:
            raise ValueError("a table of S >= 1 rows of A >= 1 actions")
        if not (0 <= alpha <= 1 and 0 <= gamma <= 1):
            raise ValueError("alpha and gamma in [0, 1]")
        self.n_states, self.n_actions = len(table), len(table[0])
        self.alpha, self.gamma = alpha, gamma
        self.q: dict[tuple[int, int], float] = defaultdict(float)
        for s, row in enumerate(table):
            for a, value in enumerate(row):
                self.q[s, a] = value

    def value(self, state: int, terminal: bool) -> float:
        """max_a Q(state, a), and 0 for a terminal state."""
        return 0.0 if terminal else max(self.q[state, a] for a in range(self.n_actions))

    def learn(self, s: int, a: int, r: float, s_next: int, done: bool) -> None:
        for index, bound in ((s, self.n_states), (a, self.n_actions), (s_next, self.n_states)):
            if not 0 <= index < bound:
                raise ValueError("no such state or action")
        q = self.q[s, a]
        target = r if done else r + self.gamma * self.value(s_next, False)
        self.q[s, a] = q + self.alpha * (target - q)

    def policy(self, epsilon: float, seed: int) -> list[int]:
        if not 0 <= epsilon <= 1:
            raise ValueError("epsilon in [0, 1]")
        rng = random.Random(seed)
        actions = []
        for s in range(self.n_states):
            explore = rng.random() < epsilon
            if explore:
                actions.append(rng.randrange(self.n_actions))
            else:
                values = [self.q[s, a] for a in range(self.n_actions)]
                actions.append(min(a for a, v in enumerate(values) if v == max(values)))
        return actions

    def table(self) -> list[list[float]]:
        return [[self.q[s, a] for a in range(self.n_actions)] for s in range(self.n_states)]


def agent_replay(Q: list, transitions: list, alpha: float, gamma: float, epsilon: float = 0.0, seed: int = 0) -> list:
    agent = TabularAgent(Q, alpha, gamma)
    if not 0 <= epsilon <= 1:
        raise ValueError("epsilon in [0, 1]")
    for transition in transitions:
        agent.learn(*transition)
    return [agent.table(), agent.policy(epsilon, seed)]


@pytest.mark.slow
def test_q_learning_matches_an_independent_agent() -> None:
    ours_fn = reference("q_learning_update")
    rng = random.Random(31)
    for i in range(ROUNDS):
        S, A = rng.randrange(0, 5), rng.randrange(0, 4)
        Q = [[rng.choice([0, 0.5, 1, -2.25, 3.0]) for _ in range(A)] for _ in range(S)]
        if S > 1 and rng.random() < 0.03:
            Q[-1] = Q[-1] + [0.0]  # ragged
        # Mostly valid indices; now and then one out of range (or negative).
        wild = rng.random() < 0.05
        lo, s_hi, a_hi = (-1, S + 1, A + 1) if wild else (0, max(S, 1), max(A, 1))
        transitions = [
            [rng.randrange(lo, s_hi), rng.randrange(0, a_hi), rng.choice([-1, 0, 1, 2.5]), rng.randrange(0, s_hi), done]
            for done in (rng.random() < 0.3 for _ in range(rng.randrange(0, 12)))
        ]
        alpha = rng.choice([0.0, 0.1, 0.5, 1.0, 1.5, -0.5])
        gamma = rng.choice([0.0, 0.5, 0.9, 1.0, 1.1])
        epsilon = rng.choice([0.0, 0.0, 0.3, 0.5, 1.0, 2.0])
        seed = rng.randrange(100)
        ours = outcome(ours_fn, Q, transitions, alpha, gamma, epsilon=epsilon, seed=seed)
        theirs = outcome(agent_replay, Q, transitions, alpha, gamma, epsilon=epsilon, seed=seed)
        assert_same(ours, theirs, 0, f"case {i}: {Q} {transitions} {alpha} {gamma} {epsilon} {seed}")


# --- chunk_text: the windows that are not inside the one before -----------------------------


def windows_not_contained(tokens: list, size: int, overlap: int) -> list:
    """Every window tokens[s:s+size] for s = 0, step, 2·step, … below len(tokens), dropping each
    that lies inside the window before it (which happens exactly once the end is reached)."""
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("size >= 1 and 0 <= overlap < size")
    spans: list[tuple[int, int]] = []
    for start in range(0, len(tokens), size - overlap):
        end = min(start + size, len(tokens))
        if spans and end <= spans[-1][1]:
            continue  # inside the previous window
        spans.append((start, end))
    return [tokens[a:b] for a, b in spans]


@pytest.mark.slow
def test_chunk_text_matches_the_containment_definition() -> None:
    ours_fn = reference("chunk_text")
    rng = random.Random(32)
    for i in range(ROUNDS):
        tokens = [rng.choice(["a", "b", 7, "the", ""]) for _ in range(rng.randrange(0, 30))]
        size, overlap = rng.randrange(-1, 10), rng.randrange(-1, 11)
        assert_same(
            outcome(ours_fn, tokens, size, overlap),
            outcome(windows_not_contained, tokens, size, overlap),
            0,
            f"case {i}: {tokens} {size} {overlap}",
        )


# --- every test of both challenges ------------------------------------------------------

INDEPENDENT: dict[str, Any] = {"q_learning_update": agent_replay, "chunk_text": windows_not_contained}


@pytest.mark.slow
@pytest.mark.parametrize("cid", sorted(INDEPENDENT))
def test_every_expected_answer_agrees_with_the_independent_reference(cid: str) -> None:
    func = INDEPENDENT[cid]
    tests = BUILTIN.challenge(cid).tests
    for case in tests:
        tol = 1e-9 if cid == "q_learning_update" else 0
        assert_same(expected_outcome(case), outcome(func, *case.args, **case.kwargs), tol, f"{cid}/{case.name}")
    assert len(tests) >= 30
