"""Extraction scores against the dev gold, replayed from cassettes: a thin wrapper over `litagent eval`.

    python evals/numeric_eval.py [--dataset DIR] [--json] [--live]

Metric definitions live in agent/metrics.py and agent/evaluate.py (their docstrings).
"""

import sys

from agent.cli import app

if __name__ == "__main__":
    app(["eval", "--suite", "extraction", *sys.argv[1:]])
