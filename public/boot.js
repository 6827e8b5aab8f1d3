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
