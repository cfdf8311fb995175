"""The program that runs inside the judge's child process.

It is started as ``python -I -c <this source>`` and must not import the judge
package: in a sandbox that package is not even visible. It talks to the judge
over two pipes (whose numbers arrive in argv) with length-prefixed JSON
frames, so nothing the solution prints can be mistaken for a reply. The judge
trusts none of it beyond "this is the value the solution returned": times and
memory are measured from outside.
"""

import gc
import importlib
import io
import json
import math
import os
import struct
import sys
import traceback
import types

REQ_FD, REP_FD = -1, -1
CAPTURE_LIMIT = 16 * 1024
MAX_DEPTH = 200


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
    if len(obj) == 1:
        if "__float__" in obj:
            return float(obj["__float__"])
        if "__dict__" in obj:
            return dict(obj["__dict__"])
    return obj


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
    """Parse JSON holding plain() values, turning the judge's markers back into Python values."""
    return json.loads(text, object_hook=_marker)


def unplain(value):
    """Decode plain()'s form back into Python values (used by the judge)."""
    return decode(json.dumps(value))


def read_exact(fd, n):
    chunks = []
    while n:
        b = os.read(fd, n)
        if not b:
            raise EOFError
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


#: Every message, both ways, is one frame: this header (the length), then that many bytes of JSON.
HEADER = struct.Struct(">I")


def frame(obj):
    """One message as bytes on the wire; the judge's side sends with this too."""
    data = json.dumps(obj, allow_nan=False).encode()
    return HEADER.pack(len(data)) + data


def recv():
    (n,) = HEADER.unpack(read_exact(REQ_FD, HEADER.size))
    return json.loads(read_exact(REQ_FD, n))


def send(obj):
    data = frame(obj)
    while data:
        data = data[os.write(REP_FD, data) :]


def describe(exc):
    try:
        return _describe(exc)
    except BaseException:  # noqa: B036 - a hostile __str__ must not kill the harness
        return {"status": "exception", "type": type(exc).__name__, "mro": [], "message": "", "traceback": ""}


def _describe(exc):
    # Drop the harness's own frame: the learner's code starts one level down.
    tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
    reply = {
        "status": "exception",
        "type": type(exc).__name__,
        "mro": [c.__module__ + "." + c.__qualname__ for c in type(exc).__mro__],
        "message": str(exc)[:2000],
        "traceback": "".join(traceback.format_exception(type(exc), exc, tb))[-4000:],
    }
    name = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
    if type(name) is str:
        reply["module"] = name[:200]  # the module an import could not find
    return reply


def _functions(module):
    """The public callables a solution defines (for a did-you-mean when the function is missing)."""
    names = []
    for key, value in list(vars(module).items()):
        if type(key) is str and not key.startswith("_") and callable(value) and not isinstance(value, types.ModuleType):
            names.append(key[:100])
    return names[:100]


def _mutated(copies, call_text):
    """Which arguments the judged call changed: positions and keyword names (plain values compared)."""
    if not copies:
        return []
    args, kwargs = copies[0]
    original = json.loads(call_text)
    # A solution cannot change how many arguments it was given: the lists have one length.
    pairs = list(zip(range(len(args)), args, original["args"], strict=False))
    pairs += [(key, kwargs.get(key), before) for key, before in original["kwargs"].items()]
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


def main():
    global REQ_FD, REP_FD
    REQ_FD, REP_FD = int(sys.argv[1]), int(sys.argv[2])
    unavailable = preload(json.loads(sys.argv[3]) if len(sys.argv) > 3 else [])
    func = None
    groups = []
    held = []
    result = None
    last_call = '{"args": [], "kwargs": {}}'
    while True:
        try:
            req = recv()
        except EOFError:
            # Exit at once: a solution's non-daemon thread must not keep us alive.
            os._exit(0)
        op = req["op"]
        if op == "load":
            # Hard limits go on before any solution code runs; an unprivileged
            # process can never raise them again.
            import resource

            for name, value in req.get("rlimits", {}).items():
                resource.setrlimit(getattr(resource, name), (value, value))
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
            reply["stdout"], reply["stderr"] = out.text(), err.text()
            if unavailable:
                reply["unavailable"] = unavailable
            send(reply)
        elif op == "put":
            # Decode one fresh copy of the arguments per repetition, outside the
            # measured call, so a solution that mutates its input still gets a
            # pristine one every time.
            # {"again": true} reuses the last test's input text, so a large input
            # crosses the pipe once however many timing blocks it gets; "blocks"
            # prepares that many groups of "reps" copies, one group per call.
            if not req.get("again"):
                last_call = req["call"]
            groups = []
            for _ in range(req.get("blocks", 1)):
                copies = []
                for _ in range(req.get("reps", 1)):
                    call = json.loads(last_call)
                    copies.append((call["args"], call["kwargs"]))
                groups.append(copies)
            result = None
            held.clear()
            send({"status": "ok"})
        elif op == "call":
            out, err = Capped(), Capped()
            sys.stdout, sys.stderr = out, err
            copies = groups.pop(0) if groups else []
            # Timing blocks run with the cyclic GC off, as timeit does, so a collection
            # triggered by the copies does not land in one block and not another.
            quiet = req.get("timing", False)
            if quiet:
                gc.disable()
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
            send(reply)
            # Freed at the next put, not inside this measured request.
            held.append(copies)
        elif op == "fetch":
            try:
                # The answer travels as JSON text inside the reply, so the judge can
                # compare it with the expected answer's text before decoding anything.
                reply = {"status": "ok", "json": to_json(result)}
                if req.get("check_args"):
                    reply["mutated"] = _mutated(held[-1] if held else [], last_call)
                send(reply)
            except Unsupported as exc:
                send({"status": "unsupported", "message": str(exc)})
            except RecursionError:
                send({"status": "unsupported", "message": "the value is nested too deeply"})
            result = None


if __name__ == "__main__":
    main()
