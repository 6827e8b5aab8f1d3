// Offline support. The build (`cargo xtask stage`, run by Trunk) replaces the
// two constants below with this release's files and a hash of their
// contents, so every release has a byte-different worker: the browser
// installs it beside the old one, and pages switch only when the person
// reloads, never mixing files of two releases.
const RELEASE = "unbuilt";
const FILES = [];

const CACHE = "python-architect-quiz-" + RELEASE;

// A file named after its contents never changes, so the copy the page has
// just downloaded (in the HTTP cache) is the one to keep: the first visit
// does not download the Wasm twice. Any other file is asked of the server
// again, which answers 304 when the cached copy is this release's.
const NAMED_AFTER_CONTENTS = /-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/;

function requestFor(file) {
    return new Request(file, { cache: NAMED_AFTER_CONTENTS.test(file) ? "force-cache" : "no-cache" });
}

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(requestFor))));
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches
            .keys()
            .then((names) => Promise.all(names.filter((n) => n.startsWith("python-architect-quiz-") && n !== CACHE).map((n) => caches.delete(n))))
            .then(() => self.clients.claim()),
    );
});

self.addEventListener("message", (event) => {
    if (event.data === "activate-new-release") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    // Routes live in the hash, so every page of the app is index.html.
    const lookup = request.mode === "navigate" ? "index.html" : request;
    event.respondWith(
        caches.open(CACHE).then((cache) => cache.match(lookup, { ignoreSearch: request.mode === "navigate" })).then((hit) => hit || fetch(request)),
    );
});
