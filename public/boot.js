// Start-up of the app, in plain JavaScript because it must work when the
// Wasm does not. Inlined into the head of index.html, before the
// stylesheet, by the build, which names each Wasm's files after their
// contents, lists the books, and pins this script in the page's
// Content-Security-Policy (`cargo xtask stage`).

// The home page has a Wasm of its own, a third of the whole app, since
// it is the first page most visits load, and so has a quiz link to a book
// (on the site or embedded) opened cold, from a course page or a chat.
// The whole app takes over when the person goes beyond either; any other
// link starts it at once.
(() => {
"use strict";

const WHOLE_APP = { glue: "./python-architect-quiz.js", wasm: "./python-architect-quiz_bg.wasm" };
const HOME_PAGE = { glue: "./python-architect-quiz-home.js", wasm: "./python-architect-quiz-home_bg.wasm" };
const QUIZ_PAGE = { glue: "./python-architect-quiz-quiz.js", wasm: "./python-architect-quiz-quiz_bg.wasm" };
// The built-in books, so that only a real bank is fetched ahead of the app.
const BOOKS = [];
// The events of that swap (src/adapters/app_handover.rs).
const OPEN_APP = "python-architect-quiz:open-app";
const HAND_OVER = "python-architect-quiz:hand-over";

// A Wasm module that cannot be fetched or started leaves a readable message
// instead of a blank page (or a home page whose links do nothing).
function showFailure(reason) {
    let box = document.getElementById("boot-error");
    if (!box) {
        box = document.createElement("p");
        box.id = "boot-error";
        box.className = "boot-error";
        document.body.prepend(box);
    }
    box.hidden = false;
    box.textContent =
        "The quiz could not start: " + (reason && reason.message ? reason.message : String(reason)) +
        ". Reload the page; if it keeps failing, this browser may not support WebAssembly.";
    box.setAttribute("role", "alert");
}

async function compile(part) {
    const response = await fetch(part.wasm);
    if (!response.ok) throw new Error(part.wasm.slice(2) + " could not be loaded (" + response.status + ")");
    // Compiling while the bytes arrive needs the application/wasm type,
    // which not every static host sends.
    if (WebAssembly.compileStreaming && response.headers.get("content-type") === "application/wasm") {
        return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
}

const domReady = new Promise((resolve) =>
    document.readyState === "loading" ? addEventListener("DOMContentLoaded", resolve, { once: true }) : resolve(),
);

// The glue mounts the app into the body, so it starts once the body is there.
async function run(part, compiled, glue = import(part.glue)) {
    const [loaded, module] = await Promise.all([glue, compiled, domReady]);
    await loaded.default({ module_or_path: module });
}

// The whole app's glue and compiled module, fetched once; a failed
// fetch is tried again at the next call.
let wholeApp = null;
const loadWholeApp = () =>
    (wholeApp ||= Promise.all([import(WHOLE_APP.glue), compile(WHOLE_APP)]).catch((reason) => {
        wholeApp = null;
        throw reason;
    }));

// The whole app is fetched and compiled while the first page stays on
// screen, then takes its place in one step. A wait long enough to notice
// is said.
async function handOver() {
    const opening = document.getElementById("opening");
    const slow = setTimeout(() => opening && (opening.hidden = false), 300);
    try {
        const [glue, module] = await loadWholeApp();
        dispatchEvent(new Event(HAND_OVER));
        await glue.default({ module_or_path: module });
    } catch (reason) {
        showFailure(reason);
        // The first page is still there: the next click may get through.
        addEventListener(OPEN_APP, handOver, { once: true });
    } finally {
        clearTimeout(slow);
        if (opening) opening.hidden = true;
    }
}

// The bank a quiz link, an embed or an LMS launch draws from (as the
// app's Route reads it), when it is a built-in book; packs come from
// storage.
function bankOfLink(hash) {
    const quiz = /^#\/book\/([a-z0-9-]+)\/quiz(?:\?|$)/.exec(hash);
    const embed = /^#\/(?:embed|lms)\?/.test(hash) ? /[?&]book=([a-z0-9-]+)(?:&|$)/.exec(hash) : null;
    const book = (quiz || embed || [])[1];
    return BOOKS.includes(book) ? "banks/" + book + ".json" : null;
}

// Asks for a file the app will fetch, so that it is on its way while the
// stylesheet and the Wasm load, instead of one round trip after them. The
// app's own fetch of the same URL takes the preloaded response. Settles
// when the file has arrived (or failed).
function preload(href) {
    const link = document.createElement("link");
    if (!link.relList.supports("preload")) return fetch(href).then(() => {}, () => {});
    return new Promise((resolve) => {
        link.rel = "preload";
        link.as = "fetch";
        link.crossOrigin = "anonymous";
        link.href = href;
        link.onload = link.onerror = () => resolve();
        document.head.append(link);
    });
}

// An embedded quiz (#/embed?…) lives in another site's page, and a quiz
// launched from a SCORM package (#/lms?…) in an LMS's player: the host
// chooses the theme, and neither offers a switch or a "new version"
// prompt (a package ships no service worker). In a sandboxed frame merely
// reading navigator.serviceWorker throws.
const embedded = /^#\/(?:embed|lms)(?:\?|$)/.test(location.hash);

// A page the service worker serves has the whole release at hand (the
// worker leaves the quiz's own Wasm out of its cache).
let served = false;
try {
    served = !embedded && !!navigator.serviceWorker?.controller;
} catch {}

// The quiz's own Wasm (src/ui/first_quiz_app.rs) asks a book's quiz, on
// the site or embedded, on a page no worker serves; an LMS launch is the
// whole app's.
const bank = bankOfLink(location.hash);
const atHome = location.hash === "" || location.hash === "#/";
const first = atHome ? HOME_PAGE : bank && !served && !/^#\/lms/.test(location.hash) ? QUIZ_PAGE : WHOLE_APP;
if (first !== WHOLE_APP) addEventListener(OPEN_APP, handOver, { once: true });
// Everything the first view needs starts at once, side by side. The
// quiz's Wasm needs no catalog (the bank names its book), and starts from
// the bank's questions alone, fetching the rest once they show.
const firstGlue = import(first.glue);
const started = run(first, compile(first), firstGlue);
started.catch((reason) => domReady.then(() => showFailure(reason)));
const firstFiles = first === QUIZ_PAGE ? [bank.replace(".json", ".questions.json")] : ["banks/catalog.json", bank];
const firstData = Promise.all(firstFiles.filter(Boolean).map(preload));

// The theme switch cycles the system's scheme, light and dark, and is
// remembered in this browser (when storage is allowed). It lives outside
// the Wasm so the chosen theme applies before the app has loaded.
// Named with every other stored key in crates/application/src/storage.rs.
const THEME_KEY = "python-architect-quiz.theme";
const THEMES = ["system", "light", "dark"];

function storedTheme() {
    try {
        const theme = localStorage.getItem(THEME_KEY);
        return THEMES.includes(theme) ? theme : "system";
    } catch {
        return "system";
    }
}

function showTheme(theme) {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    const button = document.getElementById("theme-switch");
    if (button) button.textContent = "Theme: " + theme;
}

function setUpThemeSwitch() {
    const button = document.getElementById("theme-switch");
    if (!button || embedded) return;
    let current = storedTheme();
    showTheme(current);
    button.hidden = false;
    button.addEventListener("click", () => {
        current = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length];
        try {
            localStorage.setItem(THEME_KEY, current);
        } catch {
            // Storage refused: the theme still changes for this visit.
        }
        showTheme(current);
    });
}

// The stored theme applies before the first paint; its button is in the body.
if (!embedded) showTheme(storedTheme());
domReady.then(setUpThemeSwitch);

// Offline support: the service worker keeps this release for offline use and
// installs the next one in the background; the person chooses when to
// reload into it.
function offerNewRelease(worker) {
    const banner = document.getElementById("new-release");
    const button = document.getElementById("new-release-reload");
    if (!banner || !button) return;
    banner.hidden = false;
    button.addEventListener("click", () => worker.postMessage("activate-new-release"), { once: true });
}

// Registered only once the first view's files have arrived and a frame
// showing it has been drawn: the worker downloads the whole release, which
// on a slow link would otherwise compete with the first question.
function afterFirstView() {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const idle = () => new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 0)));
    return Promise.all([started, firstData]).then(frame).then(frame).then(idle);
}

function offerOfflineSupport() {
    // The first worker takes control without a reload; only a switch from
    // one release to the next reloads the page.
    const controlledAtStart = Boolean(navigator.serviceWorker.controller);
    let reloading = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
        if (reloading || !controlledAtStart) return;
        reloading = true;
        location.reload();
    });
    navigator.serviceWorker.register("sw.js").then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) offerNewRelease(registration.waiting);
        registration.addEventListener("updatefound", () => {
            const worker = registration.installing;
            worker?.addEventListener("statechange", () => {
                if (worker.state === "installed" && navigator.serviceWorker.controller) offerNewRelease(worker);
            });
        });
    }, (error) => console.warn("Offline support is not available:", error));
}

const offline = !embedded && "serviceWorker" in navigator && window.isSecureContext;
if (offline) afterFirstView().then(offerOfflineSupport, () => {});
// The results of a quiz are the whole app's: with no service worker to
// bring the release, it is fetched once the first question is drawn.
else if (first === QUIZ_PAGE) afterFirstView().then(loadWholeApp).catch(() => {});
})();
