"""From disk to model: challenge folders, their config and tests, problem sets, caches."""
