"""A system-call filter for the child: what no solution needs and some attacks do.

The filter is a classic BPF program built here, with no library, for x86_64 and
aarch64 (the numbers are checked against libseccomp's tables by the tests). The harness
installs it with prctl(PR_SET_SECCOMP) after setting its rlimits and before any
solution code runs; a filter can never be removed, and every process and thread the
solution starts inherits it. A denied call fails with EPERM (clone3 with ENOSYS, so
that threads fall back to clone, whose flags a filter can read). A system call of
another ABI (i386 or x32 on x86_64, arm32 on aarch64) ends the process.

What is denied, and why (docs/isolation.md):

- the kernel keyring (add_key, keyctl, request_key): keys outlive the sandbox and
  are shared by every sandbox of the same uid, so they would carry state from one run
  (or one student) to the next;
- new namespaces (unshare, setns, clone with CLONE_NEW*): a user namespace would give
  the solution capabilities over its own mounts;
- mounts, chroot, and the new mount API;
- looking into other processes (ptrace, process_vm_readv/writev, pidfd_getfd, kcmp);
- kernel surfaces no solution needs and exploits like: bpf, perf_event_open,
  userfaultfd, io_uring (which bypasses seccomp for the work it queues), modules,
  kexec, reboot, swap, clocks, hostnames, I/O ports, file handles;
- ioctl TIOCSTI and TIOCLINUX (typing into a terminal), kill(-1) (signal everything);
- where no cgroup can charge and contain new processes: fork, vfork and clone of a
  new process (threads are still allowed).
"""

from __future__ import annotations

import platform
import struct
from pathlib import Path

#: seccomp_data offsets: the syscall number, the architecture, then six 64-bit arguments.
NR, ARCH, ARG0, ARG1 = 0, 4, 16, 24
RET_ALLOW = 0x7FFF0000
RET_ERRNO = 0x00050000
RET_KILL_PROCESS = 0x80000000
EPERM, ENOSYS = 1, 38
#: Every CLONE_NEW* flag that clone() takes (CLONE_NEWTIME is clone3-only).
CLONE_NEW = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000
CLONE_THREAD = 0x00010000
TIOCSTI, TIOCLINUX = 0x5412, 0x541C
#: x86_64 numbers at or above this are x32 calls: another ABI.
X32_BIT = 0x40000000

#: Denied outright (EPERM), by name.
DENIED = (
    # keyring
    "add_key",
    "keyctl",
    "request_key",
    # namespaces and mounts
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "open_tree",
    "move_mount",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    # other processes
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "kcmp",
    # kernel surfaces
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "syslog",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "sethostname",
    "setdomainname",
    "iopl",
    "ioperm",
    "vhangup",
    "lookup_dcookie",
    "name_to_handle_at",
    "open_by_handle_at",
)
#: Calls that make a new process without clone's flags to read (absent on aarch64).
FORKS = ("fork", "vfork")

#: The numbers of the calls the filter names, per architecture (checked against libseccomp).
TABLES: dict[str, tuple[int, dict[str, int]]] = {
    "x86_64": (
        0xC000003E,
        {
            "add_key": 248,
            "keyctl": 250,
            "request_key": 249,
            "unshare": 272,
            "setns": 308,
            "mount": 165,
            "umount2": 166,
            "pivot_root": 155,
            "chroot": 161,
            "open_tree": 428,
            "move_mount": 429,
            "fsopen": 430,
            "fsconfig": 431,
            "fsmount": 432,
            "fspick": 433,
            "mount_setattr": 442,
            "ptrace": 101,
            "process_vm_readv": 310,
            "process_vm_writev": 311,
            "pidfd_getfd": 438,
            "kcmp": 312,
            "bpf": 321,
            "perf_event_open": 298,
            "userfaultfd": 323,
            "io_uring_setup": 425,
            "io_uring_enter": 426,
            "io_uring_register": 427,
            "init_module": 175,
            "finit_module": 313,
            "delete_module": 176,
            "kexec_load": 246,
            "kexec_file_load": 320,
            "reboot": 169,
            "swapon": 167,
            "swapoff": 168,
            "acct": 163,
            "quotactl": 179,
            "syslog": 103,
            "settimeofday": 164,
            "clock_settime": 227,
            "clock_adjtime": 305,
            "adjtimex": 159,
            "sethostname": 170,
            "setdomainname": 171,
            "iopl": 172,
            "ioperm": 173,
            "vhangup": 153,
            "lookup_dcookie": 212,
            "name_to_handle_at": 303,
            "open_by_handle_at": 304,
            "clone": 56,
            "clone3": 435,
            "fork": 57,
            "vfork": 58,
            "ioctl": 16,
            "kill": 62,
        },
    ),  # fmt: skip
    "aarch64": (
        0xC00000B7,
        {
            "add_key": 217,
            "keyctl": 219,
            "request_key": 218,
            "unshare": 97,
            "setns": 268,
            "mount": 40,
            "umount2": 39,
            "pivot_root": 41,
            "chroot": 51,
            "open_tree": 428,
            "move_mount": 429,
            "fsopen": 430,
            "fsconfig": 431,
            "fsmount": 432,
            "fspick": 433,
            "mount_setattr": 442,
            "ptrace": 117,
            "process_vm_readv": 270,
            "process_vm_writev": 271,
            "pidfd_getfd": 438,
            "kcmp": 272,
            "bpf": 280,
            "perf_event_open": 241,
            "userfaultfd": 282,
            "io_uring_setup": 425,
            "io_uring_enter": 426,
            "io_uring_register": 427,
            "init_module": 105,
            "finit_module": 273,
            "delete_module": 106,
            "kexec_load": 104,
            "kexec_file_load": 294,
            "reboot": 142,
            "swapon": 224,
            "swapoff": 225,
            "acct": 89,
            "quotactl": 60,
            "syslog": 116,
            "settimeofday": 170,
            "clock_settime": 112,
            "clock_adjtime": 266,
            "adjtimex": 171,
            "sethostname": 161,
            "setdomainname": 162,
            "vhangup": 58,
            "lookup_dcookie": 18,
            "name_to_handle_at": 264,
            "open_by_handle_at": 265,
            "clone": 220,
            "clone3": 435,
            "ioctl": 29,
            "kill": 129,
        },
    ),  # fmt: skip
}

_LD_ABS, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06
_SOCK_FILTER = struct.Struct("=HBBI")


def machine() -> str:
    return platform.machine()


def why_unavailable(arch: str | None = None) -> str | None:
    """None when this machine can filter system calls; else why not."""
    arch = arch or machine()
    if arch not in TABLES:
        return f"no system-call table for {arch} (the filter knows {', '.join(TABLES)})"
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return "cannot read /proc/self/status"
    if "\nSeccomp:" not in status:
        return "the kernel has no seccomp"
    return None


def program(allow_forks: bool, arch: str | None = None) -> bytes:
    """The filter as ``struct sock_filter[]`` bytes, ready for PR_SET_SECCOMP.

    ``allow_forks`` False also refuses new processes (threads excepted): for machines
    where no cgroup can charge and contain them.
    """
    audit_arch, table = TABLES[arch or machine()]
    code: list[tuple[int, int, str | None, str | None]] = []  # (op, k, jump if true, jump if false)
    labels: dict[str, int] = {}

    def op(opcode: int, k: int, jt: str | None = None, jf: str | None = None) -> None:
        code.append((opcode, k, jt, jf))

    def label(name: str) -> None:
        labels[name] = len(code)

    op(_LD_ABS, ARCH)
    op(_JEQ, audit_arch, None, "foreign")
    op(_LD_ABS, NR)
    if "iopl" in table:  # x86_64: x32 numbers carry a high bit
        op(_JGE, X32_BIT, "deny")
    denied = [n for n in DENIED if n in table]
    if not allow_forks:
        denied += [n for n in FORKS if n in table]
    for name in denied:
        op(_JEQ, table[name], "deny")
    op(_JEQ, table["clone3"], "nosys")
    op(_JEQ, table["clone"], "clone")
    op(_JEQ, table["ioctl"], "ioctl")
    op(_JEQ, table["kill"], "kill")
    op(_RET, RET_ALLOW)
    label("clone")
    op(_LD_ABS, ARG0)
    op(_JSET, CLONE_NEW, "deny")
    if not allow_forks:
        op(_JSET, CLONE_THREAD, "allow", "deny")
    op(_RET, RET_ALLOW)
    label("ioctl")
    op(_LD_ABS, ARG1)
    op(_JEQ, TIOCSTI, "deny")
    op(_JEQ, TIOCLINUX, "deny")
    op(_RET, RET_ALLOW)
    label("kill")
    op(_LD_ABS, ARG0)
    op(_JEQ, 0xFFFFFFFF, "deny")
    label("allow")
    op(_RET, RET_ALLOW)
    label("deny")
    op(_RET, RET_ERRNO | EPERM)
    label("nosys")
    op(_RET, RET_ERRNO | ENOSYS)
    label("foreign")
    op(_RET, RET_KILL_PROCESS)

    out = bytearray()
    for i, (opcode, k, jt, jf) in enumerate(code):
        offsets = [0 if target is None else labels[target] - i - 1 for target in (jt, jf)]
        if not all(0 <= o <= 255 for o in offsets):
            raise ValueError(f"a jump at instruction {i} does not fit in a byte")
        out += _SOCK_FILTER.pack(opcode, offsets[0], offsets[1], k)
    return bytes(out)


def summary(allow_forks: bool) -> str:
    """What the filter denies, in one line for the isolation report."""
    forks = "" if allow_forks else ", new processes (no cgroup to charge them)"
    return (
        "seccomp filter: keyring, namespaces, mounts, ptrace and other processes' memory, bpf, "
        f"perf, io_uring, userfaultfd, modules, terminal injection, kill(-1){forks}"
    )
