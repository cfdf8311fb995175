# Write files to /tmp, $HOME, the current folder, and a folder the test names.
import os

TARGETS = ["/tmp", os.path.expanduser("~"), os.getcwd(), "/root", "HOST_DIR"]
for folder in TARGETS:
    try:
        with open(os.path.join(folder, "judge-hostile-planted"), "w") as f:
            f.write("planted")
    except OSError:
        pass
    try:
        os.symlink("/", os.path.join(folder, "judge-hostile-link"))
    except OSError:
        pass


def can_shift(a, b):
    return len(a) == len(b) and b in a + a
