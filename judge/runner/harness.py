"""The program that runs inside the judge's child process.

It is started as ``python -I -S`` running this module's compiled code (see
``judge.runner.interpreter``) and must not import the judge package: in a sandbox
that package is not even visible. It talks to the judge
over two pipes (whose numbers arrive in argv) with length-prefixed frames, so
nothing the solution prints can be mistaken for a reply. The judge trusts none
of it beyond "this is the value the solution returned": times and memory are
measured from outside, and every reply is read as if it were hostile (the
solution runs in this process and can rewrite any of it).
"""

import gc
import importlib
import io
import json
import marshal
import math
import os
import struct
import sys
import traceback
import types

REQ_FD, REP_FD = -1, -1
CAPTURE_LIMIT = 16 * 1024
MAX_DEPTH = 200
#: The recursion limit answers are encoded under, whatever the solution set for itself.
RECURSION_LIMIT = 1000


class Capped(io.TextIOBase):
    """A text sink that keeps the first CAPTURE_LIMIT characters of what is written."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.dropped = 0

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        room = CAPTURE_LIMIT - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(room, len(s))
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def text(self):
        out = "".join(self.parts)
        if self.dropped:
            out += f"\n... ({self.dropped} more characters not shown)"
        return out


class Unsupported(Exception):
    pass


def plain(value, depth=0):
    """Turn a return value into JSON-able plain data, or raise Unsupported.

    Only exact built-in types (and numpy's arrays and scalars) are accepted, so an
    object with a custom __eq__ never reaches the judge's comparison.
    """
    if depth > MAX_DEPTH:
        raise Unsupported(f"the value is nested more than {MAX_DEPTH} levels deep")
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        return value
    if t is float:
        if math.isnan(value):
            return {"__float__": "nan"}
        if math.isinf(value):
            return {"__float__": "inf" if value > 0 else "-inf"}
        return value
    if t is list or t is tuple or t is range:
        if _flat(value):
            return list(value)
        return [plain(v, depth + 1) for v in value]
    if t is dict:
        # Pairs, not an object: only the judge's own markers are JSON objects on the
        # wire, so a solution's dict can never pose as one.
        out = []
        for k, v in value.items():
            if type(k) is not str:
                raise Unsupported("dict keys must be str, not " + type(k).__name__)
            out.append([k, plain(v, depth + 1)])
        return {"__dict__": out}
    np = sys.modules.get("numpy")
    if np is not None:
        if t is np.ndarray:
            if value.dtype == object:
                return [plain(v, depth + 1) for v in value.tolist()]
            return plain(value.tolist(), depth)
        if isinstance(value, np.generic) and t.__module__ == "numpy":
            return plain(value.item(), depth)
    raise Unsupported(
        f"returned a value of type {t.__qualname__}; return plain values (bool, int, float, str, "
        "None, list, tuple, dict, numpy arrays or scalars)"
    )


_SCALARS = {int, str, bool, type(None)}


def _flat(seq):
    """True when every item is already plain and needs no conversion (the common case)."""
    for v in seq:
        tv = type(v)
        if tv is float:
            if not math.isfinite(v):
                return False
        elif tv not in _SCALARS:
            return False
    return True


def _marker(obj):
    """The value one of the judge's markers stands for; a malformed marker raises ValueError."""
    if len(obj) == 1:
        if "__float__" in obj:
            text = obj["__float__"]
            if text in ("nan", "inf", "-inf"):
                return float(text)
            raise ValueError("a __float__ marker holds 'nan', 'inf' or '-inf'")
        if "__dict__" in obj:
            pairs = obj["__dict__"]
            if type(pairs) is list and all(type(p) is list and len(p) == 2 and type(p[0]) is str for p in pairs):
                return dict(pairs)
            raise ValueError("a __dict__ marker holds a list of [str, value] pairs")
    return obj


def _answer_marker(obj):
    """As _marker, for an answer: plain() writes no JSON object but a marker."""
    value = _marker(obj)
    if value is obj:
        raise ValueError("a JSON object that is not one of the judge's markers")
    return value


def to_json(value):
    """plain(value) as JSON text, by a C-speed path for the common answer.

    A list or tuple that json.dumps writes with no object in it (so no dict, and no NaN
    or infinity, which it refuses here) comes out exactly as plain() would make it; the
    rest goes through plain(). No solution code runs in json.dumps: it writes an int or
    float subclass by its base type's repr and refuses any other object.
    """
    if type(value) is list or type(value) is tuple:
        try:
            text = json.dumps(value, allow_nan=False)
        except (TypeError, ValueError, RecursionError):
            pass
        else:
            if "{" not in text:
                return text
    return json.dumps(plain(value))


def decode(text):
    """Parse JSON holding plain() values, turning the judge's markers back into Python values.

    Other JSON objects are kept as they are (the judge's own caches hold plain() values in
    objects); a malformed marker raises ValueError.
    """
    return json.loads(text, object_hook=_marker)


def decode_answer(text):
    """Parse an answer's JSON text, which holds no JSON object but the judge's markers."""
    return json.loads(text, object_hook=_answer_marker)


def unplain(value):
    """Decode plain()'s form back into Python values (used by the judge)."""
    return decode(json.dumps(value))


def encode_call(args, kwargs):
    """A test's input as the judge sends it: marshal, decoded by the harness once per fresh copy."""
    return marshal.dumps((args, kwargs))


def read_exact(fd, n):
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = os.readv(fd, [view[got:]])
        if not k:
            raise EOFError
        got += k
    return buf


#: Every message, both ways, is one frame: this header (the length), then that many bytes:
#: a JSON object, optionally followed by a NUL byte and a binary tail (JSON text never holds
#: a raw NUL). The tail carries the big parts unescaped: a test's input, an answer's text.
HEADER = struct.Struct(">I")


def frame(obj, tail=None):
    """One message as bytes on the wire; the judge's side sends with this too."""
    head = json.dumps(obj, allow_nan=False).encode()
    parts = [head] if tail is None else [head, b"\0", tail]
    return HEADER.pack(sum(map(len, parts))) + b"".join(parts)


def split(body, start=0):
    """(the JSON object's bytes, the tail or None) of a frame's body, which begins at ``start``."""
    cut = body.find(b"\0", start)
    if cut < 0:
        return body[start:], None
    return body[start:cut], memoryview(body)[cut + 1 :]


def recv():
    (n,) = HEADER.unpack(read_exact(REQ_FD, HEADER.size))
    head, tail = split(read_exact(REQ_FD, n))
    return json.loads(head), tail


_sent = [b""]


def send(obj, tail=None):
    data = frame(obj, tail)
    # A memoryview, not bytes slicing: a pipe takes 64 KiB a write, and copying the rest of
    # a big answer after every write would cost quadratic time inside the test's window.
    view = memoryview(data)
    while view:
        view = view[os.write(REP_FD, view) :]
    # Kept until the next reply: freed then, not while the judge reads this one's cost.
    _sent[0] = data


def contain(rlimits, seccomp):
    """Hard limits and the system-call filter, before any solution code runs; neither can be undone."""
    import resource

    for name, value in rlimits.items():
        resource.setrlimit(getattr(resource, name), (value, value))
    if seccomp:
        import ctypes

        program = bytes.fromhex(seccomp)
        libc = ctypes.CDLL(None, use_errno=True)
        ulong = ctypes.c_ulong

        class Fprog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        buf = ctypes.create_string_buffer(program, len(program))
        fprog = Fprog(len(program) // 8, ctypes.cast(buf, ctypes.c_void_p))
        # PR_SET_NO_NEW_PRIVS, then PR_SET_SECCOMP with SECCOMP_MODE_FILTER.
        if libc.prctl(38, ulong(1), ulong(0), ulong(0), ulong(0)) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.prctl(22, ulong(2), ctypes.byref(fprog), ulong(0), ulong(0)) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


def describe(exc):
    try:
        return _describe(exc)
    except BaseException:  # noqa: B036 - a hostile __str__ (or class name) must not kill the harness
        return {"status": "exception", "type": "BaseException", "mro": [], "message": "", "traceback": ""}


def _describe(exc):
    # Drop the harness's own frame: the learner's code starts one level down.
    tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
    reply = {
        "status": "exception",
        "type": str(type(exc).__name__)[:200],
        "mro": [str(c.__module__)[:200] + "." + str(c.__qualname__)[:200] for c in type(exc).__mro__[:50]],
        "message": str(exc)[:2000],
        "traceback": "".join(traceback.format_exception(type(exc), exc, tb))[-4000:],
    }
    name = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
    if type(name) is str:
        reply["module"] = name[:200]  # the module an import could not find
    json.dumps(reply)  # a str subclass with a hostile encoding fails here, inside the guard
    return reply


def _functions(module):
    """The public callables a solution defines (for a did-you-mean when the function is missing)."""
    names = []
    for key, value in list(vars(module).items()):
        if type(key) is str and not key.startswith("_") and callable(value) and not isinstance(value, types.ModuleType):
            names.append(key[:100])
    return names[:100]


def _mutated(copies, payload):
    """Which arguments the judged call changed: positions and keyword names (plain values compared)."""
    if not copies:
        return []
    args, kwargs = copies[0]
    original_args, original_kwargs = marshal.loads(payload)
    # A solution cannot change how many arguments it was given: the lists have one length.
    pairs = list(zip(range(len(args)), args, original_args, strict=False))
    pairs += [(key, kwargs.get(key), before) for key, before in original_kwargs.items()]
    changed = []
    for where, now, before in pairs:
        try:
            same = plain(now) == plain(before)
        except (Unsupported, RecursionError):
            same = False  # something that is not plain data now sits where plain data was
        if not same:
            changed.append(where)
    return changed


def preload(names):
    """Import the modules the challenge allows, before any request: {name: why it failed}.

    They are the challenge author's (trusted) choice, imported while the judge is still
    loading tests, so neither a test nor the load request ever pays for them, and an
    ``import numpy`` inside the solution's function is a dictionary lookup.
    """
    failed = {}
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException as exc:  # noqa: B036 - a module that exits at import is unavailable too
            failed[name] = f"{type(exc).__name__}: {exc}"[:500]
    return failed


def _fetch(result):
    """The answer's JSON text as bytes, at the interpreter's usual recursion limit.

    A solution may raise the limit for its own recursion; the encoder must not follow it
    into an answer nested thousands deep (plain() refuses those by name instead).
    """
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        return {"status": "ok", "answer": True}, to_json(result).encode()
    except Unsupported as exc:
        return {"status": "unsupported", "message": str(exc)}, None
    except RecursionError:
        return {"status": "unsupported", "message": "the value is nested too deeply"}, None
    except Exception as exc:  # an int too long to write, a hostile subclass: its answer's fault
        return {"status": "unsupported", "message": f"the value cannot be written: {type(exc).__name__}"}, None
    finally:
        sys.setrecursionlimit(limit)


def _site_builtins():
    """exit(), quit() and help(), which site would have defined: a solution may call them."""
    import _sitebuiltins
    import builtins

    builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")
    builtins.help = _sitebuiltins._Helper()


def _call(func, copies, quiet):
    """(the reply, the last result) of calling func on each copy, prints captured."""
    out, err = Capped(), Capped()
    sys.stdout, sys.stderr = out, err
    if quiet:
        gc.disable()
    result = None
    try:
        for args, kwargs in copies:
            result = func(*args, **kwargs)
        reply = {"status": "ok"}
    except BaseException as exc:  # noqa: B036 - SystemExit and KeyboardInterrupt are runtime errors
        result = None
        reply = describe(exc)
    finally:
        if quiet:
            gc.enable()
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    reply["stdout"], reply["stderr"] = out.text(), err.text()
    return reply, result


def main():
    global REQ_FD, REP_FD
    REQ_FD, REP_FD = int(sys.argv[1]), int(sys.argv[2])
    # Started with -S (judge.runner.interpreter): the folders site would have added.
    sys.path.extend(json.loads(sys.argv[4]) if len(sys.argv) > 4 else [])
    _site_builtins()
    # What "contain" needs, loaded while the judge is still busy: a child started early
    # is contained at once when its turn comes.
    import ctypes  # noqa: F401
    import resource  # noqa: F401

    unavailable = preload(json.loads(sys.argv[3]) if len(sys.argv) > 3 else [])
    func = None
    groups = []
    held = []
    result = None
    payload = marshal.dumps(((), {}))
    while True:
        try:
            req, tail = recv()
        except EOFError:
            # Exit at once: a solution's non-daemon thread must not keep us alive.
            os._exit(0)
        op = req["op"]
        if op == "contain":
            try:
                contain(req.get("rlimits", {}), req.get("seccomp"))
                send({"status": "ok"})
            except BaseException as exc:  # noqa: B036 - the judge must hear why, not a dead pipe
                send(describe(exc))
        elif op == "load":
            # Tracebacks name the learner's own file, and show its lines: the file itself
            # is not visible in the sandbox, so its text goes into linecache.
            filename = req.get("filename") or "solution.py"
            source = req["source"]
            import linecache

            linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
            module = types.ModuleType("solution")
            module.__file__ = filename
            sys.modules["solution"] = module
            out, err = Capped(), Capped()
            sys.stdout, sys.stderr = out, err
            try:
                code = compile(source, filename, "exec")
                exec(code, module.__dict__)
                func = getattr(module, req["function"], None)
                if not callable(func):
                    reply = {
                        "status": "missing",
                        "message": f"no function {req['function']!r} in {filename}",
                        "functions": _functions(module),
                    }
                else:
                    reply = {"status": "ok"}
            except BaseException as exc:  # noqa: B036 - SystemExit at import is a load failure too
                reply = describe(exc)
                reply["traceback"] = (
                    "".join(traceback.format_exception_only(exc))[-4000:]
                    if isinstance(exc, SyntaxError)
                    else reply["traceback"]
                )
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
            # Everything alive now (the harness, the allowed modules, the solution's own
            # imports: scikit-learn is half a million objects) moves out of the collector's
            # sight. Otherwise a full collection, due whenever the allocation counts say so,
            # walks all of it inside whichever test comes next: tens of milliseconds charged
            # at random to one test, for work that is not the test's.
            gc.freeze()
            reply["stdout"], reply["stderr"] = out.text(), err.text()
            if unavailable:
                reply["unavailable"] = unavailable
            send(reply)
        elif op == "put":
            # Decode one fresh copy of the arguments per repetition, so a solution that
            # mutates its input still gets a pristine one every time. The input arrives
            # as marshal bytes (the judge's own encoding, several times faster to decode
            # than JSON), in the frame's tail; {"again": true} reuses the last test's, so
            # a large input crosses the pipe once however many timing blocks it gets.
            # "blocks" prepares that many groups of "reps" copies, one group per call.
            groups, result = [], None
            held.clear()
            if not req.get("again"):
                payload = tail if tail is not None else payload  # a view of the frame: no copy
            for _ in range(req.get("blocks", 1)):
                groups.append([marshal.loads(payload) for _ in range(req.get("reps", 1))])
            send({"status": "ok"})
        elif op == "call":
            copies = groups.pop(0) if groups else []
            # Timing blocks run with the cyclic GC off, as timeit does, so a collection
            # triggered by the copies does not land in one block and not another.
            reply, result = _call(func, copies, req.get("timing", False))
            send(reply)
            # Freed later (a "free" or the next "put"), not inside this measured request.
            held.append(copies)
        elif op == "test":
            # A small test in one request: decode its input, call, hand back the answer.
            # One round trip instead of three; the judge times the whole of it.
            groups = []
            held.clear()
            payload = tail if tail is not None else payload
            copies = [marshal.loads(payload)]
            reply, result = _call(func, copies, False)
            text = None
            if reply["status"] == "ok":
                reply["answer"], text = _fetch(result)
                if req.get("check_args") and text is not None:
                    reply["answer"]["mutated"] = _mutated(copies, payload)
            send(reply, text)
            held.append(copies)
        elif op == "fetch":
            # The answer travels as JSON text in the frame's tail, so the judge can
            # compare it with the expected answer's text before decoding anything.
            # The input and the answer are freed by the next request ("free", or the
            # next test's "put"), not here: freeing is the harness's work, not the test's.
            reply, text = _fetch(result)
            if req.get("check_args") and text is not None:
                reply["mutated"] = _mutated(held[-1] if held else [], payload)
            send(reply, text)
        elif op == "free":
            result, groups = None, []
            held.clear()
            send({"status": "ok"})


if __name__ == "__main__":
    main()
