"""From outcomes to verdicts to a report: the pure verdict function, budgets, growth, the engine."""
