"""The learner's practice loop around the engine: the history of attempts, and watch mode."""
