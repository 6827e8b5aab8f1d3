// Start-up of the app, in plain JavaScript because it must work when the
// Wasm does not. Inlined into index.html by the build, which names each
// Wasm's files after their contents and pins this script in the page's
// Content-Security-Policy (`cargo xtask stage`).

// The home page has a Wasm of its own, a third of the whole app, since
// it is the first page most visits load. A deep link starts the whole app
// at once; from home, the whole app takes over when the person leaves.
const WHOLE_APP = { glue: "./python-architect-quiz.js", wasm: "./python-architect-quiz_bg.wasm" };
const HOME_PAGE = { glue: "./python-architect-quiz-home.js", wasm: "./python-architect-quiz-home_bg.wasm" };
// The events of that swap (src/adapters/app_handover.rs).
const OPEN_APP = "python-architect-quiz:open-app";
const LEAVE_HOME = "python-architect-quiz:leave-home";

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
    return WebAssembly.compile(await response.arrayBuffer());
}

async function run(part, compiled) {
    const [glue, module] = await Promise.all([import(part.glue), compiled]);
    await glue.default({ module_or_path: module });
}

// The whole app is fetched and compiled while home stays on screen, then
// takes its place in one step. A wait long enough to notice is said.
async function leaveHome() {
    const opening = document.getElementById("opening");
    const slow = setTimeout(() => opening && (opening.hidden = false), 300);
    try {
        const [glue, module] = await Promise.all([import(WHOLE_APP.glue), compile(WHOLE_APP)]);
        dispatchEvent(new Event(LEAVE_HOME));
        await glue.default({ module_or_path: module });
    } catch (reason) {
        showFailure(reason);
    } finally {
        clearTimeout(slow);
        if (opening) opening.hidden = true;
    }
}

const atHome = location.hash === "" || location.hash === "#/";
if (atHome) addEventListener(OPEN_APP, leaveHome, { once: true });
const first = atHome ? HOME_PAGE : WHOLE_APP;
run(first, compile(first)).catch(showFailure);

// An embedded quiz (#/embed?…) lives in another site's page: the host
// chooses its theme, and it offers no switch and no "new version" prompt.
// In a sandboxed frame merely reading navigator.serviceWorker throws.
const embedded = location.hash.startsWith("#/embed");

// The theme switch cycles the system's scheme, light and dark, and is
// remembered in this browser (when storage is allowed). It lives outside
// the Wasm so the chosen theme applies before the app has loaded.
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

setUpThemeSwitch();

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

if (!embedded && "serviceWorker" in navigator && window.isSecureContext) {
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
