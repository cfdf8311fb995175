// The challenge list's filter: hide the rows that do not contain every word typed.
"use strict";
const filter = document.getElementById("filter");
const rows = [...document.querySelectorAll("#challenges tbody tr")];
function apply() {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of rows) {
    const hit = words.every((w) => row.dataset.search.includes(w));
    row.hidden = !hit;
    shown += hit;
  }
  document.getElementById("no-match").hidden = shown > 0;
}
filter.addEventListener("input", apply);
apply();
