// The challenge page: the editor, Run and Submit over the judge's event stream, the live
// report, and the attempts. Everything a solution produced is put in the page as text
// (textContent), never as HTML. The API is documented in docs/web.md.
"use strict";

const page = JSON.parse(document.getElementById("page-data").textContent);
const $ = (id) => document.getElementById(id);
const draftKey = `judge:draft:${page.id}`;

const LONG = {
  AC: "Accepted", WA: "Wrong answer", TLE: "Time limit exceeded", MLE: "Memory limit exceeded",
  RE: "Runtime error", CE: "Compile error", SKIPPED: "Skipped",
};

// ---- small DOM helpers ---------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}
function verdictBadge(verdict) {
  return el("span", { class: `verdict v-${verdict}`, title: LONG[verdict] || verdict, text: verdict });
}
function ms(value) {
  if (value == null) return "–";
  if (value < 0.001) return "<0.001";
  if (value < 1) return value.toFixed(3);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString("en");
}
function kib(value) {
  return value >= 1024 ? `${(value / 1024).toFixed(1)} MiB` : `${value} KiB`;
}

// A JSON value written as Python writes it (True, None, 'str' stays "str").
function py(value) {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `[${value.map(py).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(", ")}}`;
  return JSON.stringify(value);
}
// Long lists one element a line, so a diff can point at the line that differs.
function pyLines(value) {
  const flat = py(value);
  if (flat.length <= 70 || !Array.isArray(value)) return [flat];
  return ["[", ...value.map((v) => `  ${py(v)},`), "]"];
}
function call(input) {
  if (!input) return "";
  const args = (input.args || []).map(py);
  for (const [k, v] of Object.entries(input.kwargs || {})) args.push(`${k}=${py(v)}`);
  return `${page.function || page.id}(${args.join(", ")})`;
}

// ---- the editor -----------------------------------------------------------------------
const draft = localStorage.getItem(draftKey);
const editor = window.JudgeEditor.create($("editor"), {
  doc: draft ?? page.stub,
  onRun: () => judge("test"),
  onSubmit: () => judge("run"),
  onChange: () => localStorage.setItem(draftKey, editor.getValue()),
});
$("reset").addEventListener("click", () => {
  if (confirm("Replace the editor's code with the starting code?")) editor.setValue(page.stub);
});

// ---- tabs -----------------------------------------------------------------------------
for (const tab of document.querySelectorAll("[data-tab]")) {
  tab.addEventListener("click", () => showTab(tab.dataset.tab));
}
function showTab(name) {
  for (const tab of document.querySelectorAll("[data-tab]")) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    $(tab.dataset.tab).hidden = !on;
  }
}

// ---- judging --------------------------------------------------------------------------
let busy = false;

async function judge(mode) {
  if (busy) return;
  busy = true;
  $("run").disabled = $("submit").disabled = true;
  const view = new ReportView($("report"), mode);
  const body = { challenge: page.id, source: editor.getValue(), mode };
  if (mode === "test") {
    const text = $("custom-input").value.trim();
    if (text) {
      try {
        body.input = JSON.parse(text);
      } catch (err) {
        view.error(`Your own input is not valid JSON (${err.message}); write the arguments as a JSON list, e.g. ${page.input_example}`);
        finish();
        return;
      }
    }
  }
  try {
    const response = await fetch("/api/judge", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      view.error(data.error || `the server answered ${response.status}`);
      return;
    }
    for await (const [name, data] of events(response)) view.on(name, data);
  } catch (err) {
    view.error(`the connection to the judge failed (${err.message}); is 'judge serve' still running?`);
  } finally {
    finish();
    loadAttempts();
  }
}
function finish() {
  busy = false;
  $("run").disabled = $("submit").disabled = false;
}

// Server-sent events over a fetch() body: "event: NAME" then "data: JSON", blank-line separated.
async function* events(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) name = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      yield [name, JSON.parse(data)];
    }
  }
}

class ReportView {
  constructor(root, mode) {
    this.root = root;
    this.mode = mode;
    this.rows = new Map();
    root.replaceChildren(
      (this.status = el("p", { class: "status", text: mode === "test" ? "Running the sample tests…" : "Submitting: judging every test…" })),
      (this.summary = el("div", { class: "summary", hidden: "" })),
      (this.plot = el("figure", { class: "plot", hidden: "" })),
      (this.table = el("table", { class: "tests" })),
    );
  }

  on(name, data) {
    if (name === "queued") this.status.textContent = `Waiting: ${data.ahead} submission(s) ahead of yours…`;
    else if (name === "calibrating" || name === "explaining") this.status.textContent = `${data.text[0].toUpperCase()}${data.text.slice(1)}…`;
    else if (name === "started") this.started(data);
    else if (name === "test") this.finished(data);
    else if (name === "report") this.report(data.report, data.plot, data.history_warning);
    else if (name === "error") this.error(data.error);
  }

  started(data) {
    this.total = data.tests.length;
    this.done = 0;
    this.status.textContent = `Judging 0/${this.total}…`;
    const head = el("thead", {}, el("tr", {}, ...["test", "verdict", "time ms", "budget ms", "ref ms", "memory"].map((h) => el("th", { text: h }))));
    const body = el("tbody");
    for (const test of data.tests) {
      const row = el("tr", { class: "pending" },
        el("td", { class: "name", text: test.name + (test.hidden ? " (hidden)" : "") }),
        el("td", {}, el("span", { class: "verdict pending", text: "…" })),
        el("td", { class: "num" }), el("td", { class: "num" }), el("td", { class: "num" }), el("td", { class: "num" }));
      body.append(row);
      this.rows.set(test.name, row);
    }
    this.table.replaceChildren(head, body);
  }

  finished({ index, total, result }) {
    this.status.textContent = `Judging ${index}/${total}…`;
    const row = this.rows.get(result.name);
    if (!row) return;
    row.className = `done r-${result.verdict}`;
    const cells = row.children;
    cells[1].replaceChildren(verdictBadge(result.verdict));
    cells[2].textContent = result.verdict === "SKIPPED" || result.verdict === "CE" ? "–" : ms(result.time_ms);
    cells[3].textContent = ms(result.budget_ms);
    cells[4].textContent = ms(result.reference_ms);
    cells[5].textContent = result.verdict === "SKIPPED" || result.verdict === "CE" ? "–" : kib(result.memory_kib);
    if (!result.hidden && result.verdict !== "SKIPPED" && result.verdict !== "CE") {
      const detail = el("tr", { class: "detail" }, el("td", { colspan: "6" }, sampleDetail(result)));
      row.after(detail);
    }
  }

  report(report, plotSvg, historyWarning) {
    this.status.textContent = "";
    this.status.hidden = true;
    this.summary.hidden = false;
    this.summary.className = `summary s-${report.verdict}`;
    const parts = [
      el("div", { class: "headline" }, verdictBadge(report.verdict), el("strong", { text: ` ${LONG[report.verdict]}` }),
        el("span", { text: ` · ${report.passed}/${report.total} passed` + (report.verdict === "CE" ? "" : ` · ${ms(report.time_ms)} ms CPU · peak ${kib(report.memory_kib)}`) })),
    ];
    if (this.mode === "test" && report.verdict === "AC") parts.push(el("p", { text: "The sample tests pass. Submit to judge every test." }));
    const hiddenFailed = report.tests.filter((t) => t.hidden && !["AC", "SKIPPED"].includes(t.verdict)).length;
    if (hiddenFailed) parts.push(el("p", { text: `${hiddenFailed} hidden test(s) failed; hidden tests show only their verdict, time and memory.` }));
    if (report.compile_error) parts.push(el("pre", { class: "compile-error", text: report.compile_error }));
    if (report.time_vs_reference != null) {
      const budget = report.budget_multiplier != null ? `; budget ${report.budget_multiplier}× the slowest accepted solution` : "";
      parts.push(el("p", { text: `time: ${report.time_vs_reference.toFixed(report.time_vs_reference < 10 ? 2 : 0)}× the reference${budget}` }));
    }
    if (report.speed) parts.push(el("p", { text: report.speed.summary }));
    if (report.growth) parts.push(el("p", { text: report.growth.summary }));
    for (const note of report.notes || []) parts.push(noteView(note));
    if (report.counterexample) parts.push(counterexampleView(report.counterexample));
    if (historyWarning) parts.push(el("p", { class: "warning", text: historyWarning }));
    const iso = report.isolation || {};
    parts.push(el("p", { class: iso.isolated ? "iso ok" : "iso weak", text: `isolation: ${iso.level}${iso.isolated ? "" : " — the solution was NOT isolated"}` }));
    this.summary.replaceChildren(...parts);
    if (plotSvg) {
      const svg = new DOMParser().parseFromString(plotSvg, "image/svg+xml").documentElement;
      this.plot.replaceChildren(document.importNode(svg, true), el("figcaption", { text: "CPU time against input size n (log-log): a steeper line grows faster." }));
      this.plot.hidden = false;
    }
    // Fill the rows that never got a TestFinished (a CE judges nothing), and the reference's
    // times, which the engine adds after the last test.
    for (const result of report.tests) {
      const row = this.rows.get(result.name);
      if (!row) continue;
      if (row.classList.contains("pending")) this.finished({ index: 0, total: 0, result });
      row.children[4].textContent = ms(result.reference_ms);
    }
  }

  error(message) {
    this.status.hidden = false;
    this.status.className = "status error";
    this.status.textContent = message;
  }
}

const NOTE_TITLE = { state_leak: "State kept between calls", mutates_input: "Your function changes its arguments", search: "Counterexample search" };

function noteView(note) {
  if (typeof note === "string") return el("p", { class: "note", text: note });
  return el("p", { class: `note note-${note.kind}` }, el("strong", { text: `${NOTE_TITLE[note.kind] || note.kind}: ` }), note.message);
}

// A small input found by search on which the solution disagrees with the reference: shown in full.
function counterexampleView(found) {
  const tried = found.tried ? ` (found among ${found.tried} small inputs in ${found.seconds.toFixed(1)} s)` : "";
  return el("section", { class: "counterexample" },
    el("h3", {}, verdictBadge(found.verdict), ` A small input your code gets wrong${tried}`),
    el("p", { class: "hint", text: "Searched from the challenge's own input generator, not taken from a hidden test." }),
    callDetail(found));
}

function sampleDetail(result) {
  const fail = result.verdict !== "AC";
  return el("details", fail ? { open: "" } : {}, el("summary", { text: fail ? "what went wrong" : "details" }), callDetail(result));
}

// One call in full: the input, expected and got (the differing lines marked), the message and the prints.
function callDetail(item) {
  const box = el("div", { class: "sample" });
  const add = (label, node) => box.append(el("div", { class: "label", text: label }), node);
  add("input", el("pre", { text: call(item.input) }));
  const expected = pyLines(item.expected);
  const got = item.got === null || item.got === undefined ? null : pyLines(item.got);
  add("expected", lines(expected, got, "expected"));
  add("got", got === null ? el("pre", { class: "none", text: "(no answer)" }) : lines(got, expected, "got"));
  if (item.message) add("message", el("pre", { class: "message", text: item.message }));
  if (item.stdout) add("printed", el("pre", { text: item.stdout }));
  if (item.stderr) add("stderr", el("pre", { text: item.stderr }));
  return box;
}

// One side of the diff: the lines that differ from the other side are marked.
function lines(mine, other, side) {
  const pre = el("pre", { class: `diff ${side}` });
  mine.forEach((line, i) => {
    const differs = other !== null && other[i] !== line;
    pre.append(el("span", { class: differs ? "differs" : "", text: line }), "\n");
  });
  return pre;
}

// ---- attempts -------------------------------------------------------------------------
const SCOPE = { all: "Submit", samples: "Run", custom: "own input" };

// With no draft in this browser, the editor opens on the newest attempt (from the CLI too).
async function loadAttempts(opening = false) {
  const list = $("attempt-list");
  const response = await fetch(`/api/history?challenge=${encodeURIComponent(page.id)}`).catch(() => null);
  if (!response || !response.ok) {
    const data = response ? await response.json().catch(() => ({})) : {};
    list.replaceChildren(el("li", { class: "hint", text: data.error || "The history could not be read." }));
    return;
  }
  const attempts = await response.json();
  $("attempts-count").textContent = attempts.length ? ` (${attempts.length})` : "";
  if (!attempts.length) {
    list.replaceChildren(el("li", { class: "hint", text: "No attempt yet: Run or Submit, and it appears here." }));
    return;
  }
  if (opening && draft === null && attempts[0].reopen) {
    const response = await fetch(`/api/sources/${attempts[0].sha256}`);
    if (response.ok && editor.getValue() === page.stub) editor.setValue((await response.json()).source);
  }
  list.replaceChildren(...attempts.map((a) => {
    const when = new Date(a.at).toLocaleString();
    const where = a.file === "(judge serve)" ? "" : ` · ${a.file}`;
    const item = el("li", { class: "attempt" }, verdictBadge(a.verdict),
      el("span", { class: "what", text: ` ${a.passed}/${a.total} · ${SCOPE[a.scope] || a.scope} · ${when}${where}` }));
    if (a.reopen) {
      const open = el("button", { class: "quiet", text: "Open in the editor", title: `sha256 ${a.sha256}` });
      open.addEventListener("click", () => reopen(a.sha256));
      item.append(open);
    }
    return item;
  }));
}

async function reopen(sha256) {
  const response = await fetch(`/api/sources/${sha256}`);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    alert(data.error || `the server answered ${response.status}`);
    return;
  }
  if (editor.getValue() !== data.source && !confirm("Replace the editor's code with this attempt's?")) return;
  editor.setValue(data.source);
  editor.focus();
}

$("run").addEventListener("click", () => judge("test"));
$("submit").addEventListener("click", () => judge("run"));
loadAttempts(true);
