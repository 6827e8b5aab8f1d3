// Python Architect Quiz embed loader: fills each <div data-quiz="BOOK"> or
// <div data-pack="PACK URL"> of the page with a frame holding that quiz
// (a built-in book's or a quiz pack's), sizes the frame to its content,
// and re-dispatches the quiz's messages on the div as quiz:ready,
// quiz:answer and quiz:complete events. Protocol: EMBEDDING.md.
(() => {
    // The app lives beside this script, wherever that is served from.
    const app = new URL("index.html", document.currentScript.src);
    const EVENTS = { ready: "quiz:ready", answer: "quiz:answer", complete: "quiz:complete" };

    function embed(box) {
        const query = new URLSearchParams();
        // data-quiz is the book; every other data- attribute (data-pack
        // among them) is passed on as is, so a misspelt one, or a book and
        // a pack together, is reported in the frame, not silently ignored.
        for (const [name, value] of Object.entries(box.dataset)) {
            query.set(name === "quiz" ? "book" : name, value);
        }
        // A page opened from a file has no origin the quiz could post to.
        if (location.origin !== "null") query.set("origin", location.origin);
        const frame = document.createElement("iframe");
        frame.src = app.href + "#/embed?" + query;
        frame.title = "Quiz: " + (box.dataset.quiz ?? "a quiz pack");
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

    const start = () => document.querySelectorAll("div[data-quiz], div[data-pack]").forEach(embed);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
