# Reach past the sandbox: ptrace, another process's memory, a new user namespace (and with
# it capabilities), the keyring, cgroup files, io_uring, terminal injection. Any success is raised.
import ctypes
import os
import platform

libc = ctypes.CDLL(None, use_errno=True)
NR = {
    "x86_64": {"ptrace": 101, "process_vm_readv": 310, "unshare": 272, "keyctl": 250, "io_uring_setup": 425},
    "aarch64": {"ptrace": 117, "process_vm_readv": 270, "unshare": 97, "keyctl": 219, "io_uring_setup": 425},
}.get(platform.machine(), {})
FOUND = []


def attempt(name, *args):
    if name in NR and libc.syscall(NR[name], *args) >= 0:
        FOUND.append(name)


attempt("ptrace", 0, 0, 0, 0)  # PTRACE_TRACEME
buf = ctypes.create_string_buffer(8)
local = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 8)
attempt("process_vm_readv", os.getpid(), ctypes.byref(local), 1, ctypes.byref(local), 1, 0)
attempt("unshare", 0x10000000)  # CLONE_NEWUSER
attempt("unshare", 0x00020000)  # CLONE_NEWNS
attempt("keyctl", 0, -4, 1)  # KEYCTL_GET_KEYRING_ID, create the user keyring
params = ctypes.create_string_buffer(120)
attempt("io_uring_setup", 4, params)
for path in ("/sys/fs/cgroup", "/proc/1/root/etc/shadow", "/proc/sys/kernel/core_pattern"):
    try:
        with open(path, "a"):
            FOUND.append(f"writable {path}")
    except OSError:
        pass
try:
    os.setuid(0)
    FOUND.append("setuid(0)")
except OSError:
    pass


def can_shift(a, b):
    if FOUND:
        raise RuntimeError("LEAK " + ", ".join(FOUND))
    return len(a) == len(b) and b in a + a
