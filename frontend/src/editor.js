// The code editor of `judge serve`: CodeMirror 6 with Python, line numbers, indentation and
// the usual keys (basicSetup: undo, search, bracket matching, auto-indent, ...), plus Tab to
// indent and Ctrl/Cmd-Enter to run. Built into judge/web/static/editor.js by build.sh;
// the page's own script (judge/web/static/app.js) talks to it through window.JudgeEditor.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

function create(parent, { doc = "", onRun = () => {}, onSubmit = () => {}, onChange = () => {} } = {}) {
  const keys = [
    { key: "Mod-Enter", run: () => { onRun(); return true; } },
    { key: "Mod-Shift-Enter", run: () => { onSubmit(); return true; } },
    indentWithTab,
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        keymap.of(keys),
        basicSetup,
        python(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        EditorView.updateListener.of((update) => { if (update.docChanged) onChange(); }),
        EditorView.contentAttributes.of({ "aria-label": "solution code" }),
      ],
    }),
  });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

window.JudgeEditor = { create };
