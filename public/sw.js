// Offline support. The build (`cargo xtask stage`, run by Trunk) replaces the
// two constants below with this release's files and a hash of their
// contents, so every release has a byte-different worker: the browser
// installs it beside the old one, and pages switch only when the person
// reloads, never mixing files of two releases.
const RELEASE = "unbuilt";
const FILES = [];

const CACHE = "python-architect-quiz-" + RELEASE;

self.addEventListener("install", (event) => {
    event.waitUntil(
        caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))),
    );
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
