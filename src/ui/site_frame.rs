use leptos::prelude::*;

/// The site's name and main links, above every page but an embed.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="#/">"Python Architect Quiz"</a>
            <nav aria-label="Main">
                <a href="#/progress">"Your progress"</a>
                <a href="#/interview">"Interview mode"</a>
                <a href="#/packs">"Quiz packs"</a>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Original questions on five books about building serious Python software. Scores stay in this browser."</p>
        </footer>
    }
}
