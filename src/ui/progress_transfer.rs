use leptos::prelude::*;
use quiz_application::transfer::MAX_IMPORT_BYTES;
use wasm_bindgen::JsCast;

use crate::adapters::clock::local_date_stamp;
use crate::adapters::file_transfer::{download_json, read_chosen_file};
use crate::state::app_state;
use crate::ui::confirm_button::ConfirmButton;

/// Export, import and reset of all progress.
#[component]
pub fn ProgressTransfer() -> impl IntoView {
    let state = app_state();
    // What the last export, import or reset did, and whether it was refused.
    let outcome = RwSignal::new(None::<String>);
    let refused = RwSignal::new(false);
    let tell = move |result: Result<String, String>| {
        refused.set(result.is_err());
        outcome.set(Some(result.unwrap_or_else(|error| error)));
    };
    let export = move |_| {
        let file = state.export_progress();
        let name = format!("python-architect-quiz-progress-{}.json", local_date_stamp());
        tell(
            download_json(&name, &file)
                .map(|()| format!("Your progress was saved to {name} in your downloads.")),
        );
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let too_big = |bytes: usize| {
                format!(
                    "The file was not imported: it is {} KB, more than the {} KB an export can be. Your progress is unchanged.",
                    bytes / 1024,
                    MAX_IMPORT_BYTES / 1024
                )
            };
            let result = match read_chosen_file(&input, MAX_IMPORT_BYTES, too_big).await {
                Ok(Some(file)) => state.import_progress(&file.text),
                Ok(None) => return,
                Err(error) => Err(error),
            };
            // Cleared so that choosing the same file again imports it again.
            input.set_value("");
            tell(result);
        });
    };
    let reset_all = Callback::new(move |()| {
        state.reset_progress(None);
        tell(Ok("All progress in this browser was deleted.".into()));
    });
    view! {
        <section class="transfer" aria-labelledby="transfer-title">
            <h2 id="transfer-title">"Keep or move your progress"</h2>
            <p>"Progress lives only in this browser. Download it, with your quiz packs and their progress, to keep a copy or to carry it to another browser; importing a file adds its attempts and packs to the ones here and never removes any."</p>
            <div class="actions">
                <button type="button" id="export" on:click=export>"Download my progress"</button>
                <label class="button" for="import-file">"Import a progress file"</label>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" on:change=import/>
            </div>
            {move || outcome.get().map(|message| view! {
                <p id="transfer-result" role=move || if refused.get() { "alert" } else { "status" } class:error=refused>{message}</p>
            })}
            <ConfirmButton id="reset-all".into() label="Reset all progress".into() question="Delete every attempt and answer of every book from this browser? Download your progress first to keep a copy.".into() confirm="Delete everything".into() on_confirm=reset_all/>
        </section>
    }
}
