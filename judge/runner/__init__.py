"""Running untrusted code, and never comparing: the harness, its protocol, the child, the sandbox."""
