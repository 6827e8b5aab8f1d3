// Start-up glue around the Wasm app, in plain JavaScript because it must
// work when the Wasm does not.

// Trunk's loader calls these hooks. A Wasm module that cannot be fetched or
// started leaves a readable message instead of a blank page.
export default function bootHooks() {
    return {
        onFailure(reason) {
            const box = document.getElementById("boot-error");
            if (!box) return;
            box.hidden = false;
            box.textContent =
                "The quiz could not start: " + (reason && reason.message ? reason.message : String(reason)) +
                ". Reload the page; if it keeps failing, this browser may not support WebAssembly.";
            box.setAttribute("role", "alert");
        },
    };
}

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
