// Python Architect Quiz embed loader: fills each <div data-quiz="BOOK"> of
// the page with a frame holding that quiz, sizes the frame to its content,
// and re-dispatches the quiz's messages on the div as quiz:ready,
// quiz:answer and quiz:complete events. Protocol: EMBEDDING.md.
(() => {
    // The app lives beside this script, wherever that is served from.
    const app = new URL("index.html", document.currentScript.src);
    const EVENTS = { ready: "quiz:ready", answer: "quiz:answer", complete: "quiz:complete" };

    function embed(box) {
        const query = new URLSearchParams({ book: box.dataset.quiz });
        // Every other data- attribute is passed on, so a misspelt one is
        // reported in the frame instead of silently ignored.
        for (const [name, value] of Object.entries(box.dataset)) {
            if (name !== "quiz") query.set(name, value);
        }
        // A page opened from a file has no origin the quiz could post to.
        if (location.origin !== "null") query.set("origin", location.origin);
        const frame = document.createElement("iframe");
        frame.src = app.href + "#/embed?" + query;
        frame.title = "Quiz: " + box.dataset.quiz;
        frame.style.cssText = "display:block;width:100%;height:20rem;border:0";
        let height = 0;
        addEventListener("message", (event) => {
            const message = event.data;
            if (event.origin !== app.origin || event.source !== frame.contentWindow || !message ||
                message.protocol !== "python-architect-quiz" || message.version !== 1) return;
            if (message.type === "height") {
                // Set only on a change, so the page never jumps for nothing.
                if (message.height !== height) frame.style.height = (height = message.height) + "px";
            } else if (EVENTS[message.type]) {
                box.dispatchEvent(new CustomEvent(EVENTS[message.type], { detail: message, bubbles: true }));
            }
        });
        box.replaceChildren(frame);
    }

    const start = () => document.querySelectorAll("div[data-quiz]").forEach(embed);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
