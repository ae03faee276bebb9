// The Ingest console. Everything goes through the HTTP API the host serves (docs/openapi.json): uploads through
// POST /api/articles with the key, each file followed to a final status, the recent feed, the article list and one
// article, reprocess and delete. No framework and no build step: the host serves these files as they are.

const FINAL = new Set(["succeeded", "unchanged", "failed", "poisoned"]);
const UPLOADS_AT_ONCE = 4;
const FOLLOW_EVERY_MS = 1000;
const RECENT_EVERY_MS = 3000;
const POINT_READS_PER_TICK = 8;

const $ = (id) => document.getElementById(id);

/** Makes an element; text children are text nodes, so nothing from the API is ever read as HTML. */
function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null) continue;
    if (name === "class") element.className = value;
    else if (name.startsWith("data-") || name.startsWith("aria-")) element.setAttribute(name, value);
    else element[name] = value;
  }
  element.append(...children.filter((c) => c != null && c !== false));
  return element;
}

const statusBadge = (status) => el("span", { class: `status status-${status}` }, status);
const articleLink = (id, text) => el("a", { href: `#/article/${encodeURIComponent(id)}` }, text ?? "open");

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
function when(iso) {
  const seconds = Math.round((new Date(iso) - Date.now()) / 1000);
  const [value, unit] = Math.abs(seconds) < 60 ? [seconds, "second"]
    : Math.abs(seconds) < 3600 ? [Math.round(seconds / 60), "minute"]
    : Math.abs(seconds) < 86400 ? [Math.round(seconds / 3600), "hour"]
    : [Math.round(seconds / 86400), "day"];
  return el("time", { class: "when", dateTime: iso, title: new Date(iso).toLocaleString() }, relative.format(value, unit));
}

// ---- The API -----------------------------------------------------------------------------------------------------

const keyInput = $("api-key");
keyInput.value = sessionStorage.getItem("ingest-key") ?? "";
keyInput.addEventListener("input", () => sessionStorage.setItem("ingest-key", keyInput.value));

class ApiError extends Error {
  constructor(status, detail) {
    super(status === 401 ? `${detail} Set the function key (Key, at the top).` : detail);
    this.status = status;
  }
}

/** Calls the API; a write carries the key. Answers outside 2xx (except those in `allow`) throw with the problem's detail. */
async function api(path, { method = "GET", body, headers = {}, write = false, allow = [] } = {}) {
  if (write && keyInput.value) headers["x-functions-key"] = keyInput.value;
  let response;
  try {
    response = await fetch(path, { method, body, headers });
  } catch {
    throw new ApiError(0, "The host did not answer.");
  }
  if (!response.ok && !allow.includes(response.status)) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not a problem document */ }
    throw new ApiError(response.status, detail);
  }
  return response;
}

const getJson = async (path, options) => {
  const response = await api(path, options);
  return response.status === 404 ? null : response.json();
};

const query = (params) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : "";
};

// ---- Dropping files ----------------------------------------------------------------------------------------------

/** One dropped file: uploading → queued → processing → a final status, or rejected when the upload itself failed. */
const uploads = [];
const waiting = [];
let uploading = 0;

function addFiles(files) {
  const prefix = $("prefix").value.trim();
  for (const { file, path } of files) {
    const item = { blob: prefix + path, file, status: "uploading", etag: null, record: null, error: null, row: el("li") };
    uploads.push(item);
    waiting.push(item);
    $("uploads").prepend(item.row);
    renderUpload(item);
  }
  renderTally();
  pumpUploads();
}

function pumpUploads() {
  while (uploading < UPLOADS_AT_ONCE && waiting.length > 0) {
    const item = waiting.shift();
    uploading++;
    upload(item).finally(() => {
      uploading--;
      pumpUploads();
    });
  }
}

async function upload(item) {
  try {
    const response = await api(`/api/articles${query({ name: item.blob })}`, {
      method: "POST",
      body: item.file,
      headers: { "content-type": item.file.type || "application/octet-stream" },
      write: true,
    });
    item.etag = (await response.json()).etag ?? null;
    setUpload(item, "queued");
  } catch (error) {
    setUpload(item, "rejected", error.message);
  }
}

function setUpload(item, status, error = null, record = null) {
  if (item.status === status && item.error === error && item.record === record) return;
  Object.assign(item, { status, error, record });
  renderUpload(item);
  renderTally();
  if (status === "succeeded") articlesChanged();
}

/** New articles arrived: show them, at most once a second, unless the reader has paged further down the list. */
let articlesReload = null;
function articlesChanged() {
  if (articlesReload || $("article-list").children.length > 20) return;
  articlesReload = setTimeout(() => {
    articlesReload = null;
    loadArticles();
  }, 1000);
}

function renderUpload(item) {
  const ids = item.record?.articleIds ?? [];
  const row = el("li", {},
    el("span", { class: "name" }, item.blob),
    statusBadge(item.status),
    ...ids.map((id, i) => articleLink(id, ids.length > 1 ? `article ${i + 1}` : "open")),
    item.error && el("span", { class: "error" }, item.error));
  item.row.replaceChildren(...row.childNodes);
  item.row.dataset.status = item.status;
  item.row.dataset.blob = item.blob;
}

function renderTally() {
  if (uploads.length === 0) return;
  const counts = new Map();
  for (const { status } of uploads) counts.set(status, (counts.get(status) ?? 0) + 1);
  const done = uploads.filter((u) => FINAL.has(u.status) || u.status === "rejected").length;
  const parts = [...counts].map(([status, n]) => `${n} ${status}`);
  $("upload-tally").textContent = `${done} of ${uploads.length} files done: ${parts.join(" · ")}`;
}

/** What a record says of the version we uploaded: nothing yet (another version), or that version's status. */
function followRecord(item, record) {
  if (!record || (item.etag && record.etag !== item.etag)) return;
  const error = record.error ? `${record.error.code}: ${record.error.message}` : null;
  setUpload(item, record.status, error, record);
}

/** Follows every uploaded file not yet final: one read of the recent feed, then point reads of a few not in it. */
async function followUploads() {
  const pending = uploads.filter((u) => u.status === "queued" || u.status === "processing");
  if (pending.length === 0) return;
  try {
    const recent = await getJson(`/api/ingestions/recent${query({ top: 100 })}`);
    const byBlob = new Map(recent.items.map((r) => [r.blob, r]));
    const unseen = [];
    for (const item of pending) {
      const record = byBlob.get(item.blob);
      if (record && (!item.etag || record.etag === item.etag)) followRecord(item, record);
      else unseen.push(item);
    }
    // The longest unread first, so every file is asked about in turn however many are waiting.
    const reads = unseen.sort((a, b) => (a.readAt ?? 0) - (b.readAt ?? 0)).slice(0, POINT_READS_PER_TICK);
    await Promise.all(reads.map(async (item) => {
      item.readAt = Date.now();
      followRecord(item, await getJson(`/api/ingestions${query({ blob: item.blob })}`, { allow: [404] }));
    }));
  } catch {
    // The host is away for a moment: the next tick asks again.
  }
}

async function filesFromDrop(dataTransfer) {
  // Entries must be taken before the first await: the browser empties the drop's items after the event.
  const entries = [...dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length === 0) return [...dataTransfer.files].map((file) => ({ file, path: file.name }));
  const files = [];
  for (const entry of entries) await walk(entry, "", files);
  return files;
}

async function walk(entry, folder, files) {
  if (entry.isFile) {
    files.push({ file: await new Promise((resolve, reject) => entry.file(resolve, reject)), path: folder + entry.name });
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, `${folder}${entry.name}/`, files);
  }
}

const dropzone = $("dropzone");
for (const type of ["dragenter", "dragover"]) {
  dropzone.addEventListener(type, (event) => {
    event.preventDefault();
    dropzone.classList.add("over");
  });
}
dropzone.addEventListener("dragleave", () => dropzone.classList.remove("over"));
dropzone.addEventListener("drop", async (event) => {
  event.preventDefault();
  dropzone.classList.remove("over");
  addFiles(await filesFromDrop(event.dataTransfer));
});
$("choose-files").addEventListener("click", () => $("file-input").click());
$("choose-folder").addEventListener("click", () => $("folder-input").click());
for (const input of [$("file-input"), $("folder-input")]) {
  input.addEventListener("change", () => {
    addFiles([...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name })));
    input.value = "";
  });
}

// ---- Recent activity ---------------------------------------------------------------------------------------------

const MAX_REFRESHED = 100;
let recentShown = 0;
let recentToken = null;

function recentRow(record) {
  return el("li", { "data-status": record.status, "data-blob": record.blob },
    el("span", { class: "name" }, record.blob),
    statusBadge(record.status),
    when(record.updatedAt),
    ...record.articleIds.map((id, i) => articleLink(id, record.articleIds.length > 1 ? `article ${i + 1}` : "open")),
    record.error && el("span", { class: "error" }, `${record.error.code}: ${record.error.message}`),
    (record.status === "failed" || record.status === "poisoned")
      && el("button", { type: "button", onclick: () => reprocess(record.blob) }, "Reprocess"));
}

async function refreshRecent() {
  if (recentShown > MAX_REFRESHED || document.hidden) return; // paged back: leave what the reader is reading
  try {
    const page = await getJson(`/api/ingestions/recent${query({ top: Math.max(20, recentShown) })}`);
    $("recent").replaceChildren(...page.items.map(recentRow));
    recentShown = page.items.length;
    recentToken = page.continuationToken;
    $("recent-more").hidden = !recentToken;
  } catch {
    // Shown again on the next refresh.
  }
}

$("recent-more").addEventListener("click", async () => {
  const page = await getJson(`/api/ingestions/recent${query({ top: 50, continuationToken: recentToken })}`);
  $("recent").append(...page.items.map(recentRow));
  recentShown += page.items.length;
  recentToken = page.continuationToken;
  $("recent-more").hidden = !recentToken;
});

// ---- Articles ----------------------------------------------------------------------------------------------------

let articleFilter = {};
let articlesToken = null;

function articleRow(summary) {
  const facts = [
    summary.authors.join(", "),
    summary.publishedAt,
    summary.category,
    `${summary.wordCount} words`,
    summary.source.blob,
  ].filter(Boolean);
  return el("li", { "data-id": summary.id },
    el("span", { class: "name" }, articleLink(summary.id, summary.title || "(untitled)")),
    el("span", { class: "meta" }, facts.join(" · ")));
}

/** Loads the first page of articles (or the next, with `more`); `note` leads the status line (what was just done). */
async function loadArticles(more = false, note = "") {
  const status = $("articles-status");
  try {
    const page = await getJson(`/api/articles${query({ ...articleFilter, top: 20, continuationToken: more ? articlesToken : null })}`);
    if (!more) $("article-list").replaceChildren();
    $("article-list").append(...page.items.map(articleRow));
    articlesToken = page.continuationToken;
    $("articles-more").hidden = !articlesToken;
    const count = $("article-list").children.length;
    const counted = count === 0 ? "No articles match." : `${count}${articlesToken ? "+" : ""} article${count === 1 && !articlesToken ? "" : "s"}.`;
    status.textContent = note ? `${note} ${counted}` : counted;
  } catch (error) {
    status.textContent = error.message;
  }
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  articleFilter = Object.fromEntries(new FormData(event.target));
  loadArticles();
});
$("filters").addEventListener("reset", () => {
  articleFilter = {};
  setTimeout(loadArticles);
});
$("articles-more").addEventListener("click", () => loadArticles(true));

// ---- One article -------------------------------------------------------------------------------------------------

let shown = null;

function detailRows(list, pairs) {
  list.replaceChildren(...pairs.filter(([, value]) => value != null && value !== "" && !(Array.isArray(value) && value.length === 0))
    .flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, Array.isArray(value) ? value.join(", ") : String(value))]));
}

function renderArticle(article) {
  $("article-title").textContent = article.title || "(untitled)";
  $("article-subtitle").textContent = article.subtitle ?? "";
  const byline = [
    article.authors.length ? `By ${article.authors.join(", ")}` : null,
    article.publishedAt && `Published ${article.publishedAt}`,
    article.updatedAt && `Updated ${article.updatedAt}`,
    article.category,
  ].filter(Boolean);
  $("article-byline").textContent = byline.join(" · ");
  $("article-text").href = `/api/articles/${encodeURIComponent(article.id)}/text`;
  $("summary-block").hidden = article.summary.length === 0;
  $("article-summary").replaceChildren(...article.summary.map((line) => el("li", {}, line)));
  $("article-sections").replaceChildren(...article.sections.map((section) => el("section", { "aria-label": section.heading ?? `Section ${section.index + 1}` },
    section.heading && el("h3", {}, section.heading),
    ...section.paragraphs.map((p) => el("p", {}, p)),
    ...section.imageCredits.map((c) => el("p", { class: "credit" }, c)))));
  const d = article.dateline;
  const s = article.source;
  detailRows($("article-details"), [
    ["Dateline", d && [d.location, d.publisher, d.date].filter(Boolean).join(", ")],
    ["Language", article.language],
    ["Words", article.wordCount],
    ["Reading time", `${article.readingTimeMinutes} min`],
    ["Tags", article.tags],
    ["Image credits", article.imageCredits],
    ["Version", article.version],
    ["Ingested", new Date(article.ingestedAt).toLocaleString()],
    ["Source", `${s.container}/${s.blob}`],
    ["Format", [s.format, s.encoding].filter(Boolean).join(", ")],
    ["Size", s.sizeBytes != null ? `${s.sizeBytes} bytes` : null],
    ["ETag", s.etag],
    ["Content hash", s.contentHash],
  ]);
  detailRows($("article-provenance"), Object.entries(article.provenance));
}

async function showArticle(id) {
  for (const section of ["drop", "activity", "articles"]) $(section).hidden = true;
  const view = $("article");
  view.hidden = false;
  $("article-action-status").textContent = "";
  try {
    shown = await getJson(`/api/articles/${encodeURIComponent(id)}`, { allow: [404] });
  } catch (error) {
    shown = null;
    $("article-action-status").textContent = error.message;
  }
  if (!shown) {
    $("article-title").textContent = "No such article";
    $("article-action-status").textContent ||= `There is no article '${id}' (deleted, or never ingested).`;
  } else {
    renderArticle(shown);
  }
  $("reprocess").disabled = $("delete").disabled = !shown;
  view.focus();
}

function showLists() {
  $("article").hidden = true;
  for (const section of ["drop", "activity", "articles"]) $(section).hidden = false;
}

function route() {
  const match = /^#\/article\/(.+)$/.exec(location.hash);
  if (match) showArticle(decodeURIComponent(match[1]));
  else showLists();
}

function confirmAction(text, okLabel) {
  const dialog = $("confirm");
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true }));
}

/** Asks for a blob to be extracted again, then follows it until its new version is final. */
async function reprocess(blob, report = (text) => { $("article-action-status").textContent = text; }) {
  if (!await confirmAction(`Extract '${blob}' again, even if its content is unchanged?`, "Reprocess")) return null;
  try {
    const before = await getJson(`/api/ingestions${query({ blob })}`, { allow: [404] });
    await api(`/api/ingestions/reprocess${query({ blob })}`, { method: "POST", write: true });
    report(`Reprocessing '${blob}'…`);
    for (let i = 0; i < 120; i++) {
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
      const record = await getJson(`/api/ingestions${query({ blob })}`, { allow: [404] });
      if (record && record.etag !== before?.etag && FINAL.has(record.status)) {
        report(`Reprocessed: ${record.status}${record.error ? ` (${record.error.code}: ${record.error.message})` : ""}.`);
        refreshRecent();
        return record;
      }
    }
    report("Still processing; see Recent activity.");
  } catch (error) {
    report(error.message);
  }
  return null;
}

$("reprocess").addEventListener("click", async () => {
  if (shown && (await reprocess(shown.source.blob))?.articleIds.includes(shown.id)) {
    const status = $("article-action-status").textContent;
    await showArticle(shown.id);
    $("article-action-status").textContent = status;
  }
});

$("delete").addEventListener("click", async () => {
  if (!shown || !await confirmAction(`Delete '${shown.title || shown.id}' and its source blob '${shown.source.blob}'? This cannot be undone.`, "Delete")) return;
  try {
    await api(`/api/articles/${encodeURIComponent(shown.id)}`, { method: "DELETE", write: true });
    location.hash = "#articles";
    loadArticles(false, `Deleted '${shown.title || shown.id}'.`);
    refreshRecent();
  } catch (error) {
    $("article-action-status").textContent = error.message;
  }
});

// ---- Start -------------------------------------------------------------------------------------------------------

window.addEventListener("hashchange", route);
route();
refreshRecent();
loadArticles();
setInterval(followUploads, FOLLOW_EVERY_MS);
setInterval(refreshRecent, RECENT_EVERY_MS);
document.documentElement.dataset.ready = "true"; // every handler is attached (the browser tests wait for this)
