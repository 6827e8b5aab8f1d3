use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::quiz::{OptionMark, QuizRequest};
use quiz_application::score_text;
use quiz_application::Route;
use quiz_domain::{AttemptResult, Bank, Question, QuestionKind, Response};

use crate::adapters::clock::random_seed;
use crate::state::app_state;
use crate::ui::focus::focus_page_on_open;
use crate::ui::option_view::{mark_class, mark_label, option_text};
use crate::ui::order_steps::CorrectOrder;
use crate::ui::question_text::QuestionText;
use crate::ui::reading_links::ReadingLinks;
use crate::ui::typed_answer::ExpectedOutput;

#[component]
pub fn ResultsPage(attempt: String) -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let result = state.attempt(&attempt);
    let Some(result) = result else {
        return view! {
            <section class="page">
                <h1 tabindex="-1" data-autofocus="">"No such result"</h1>
                <p role="alert">"This browser has no result with the id \"" {attempt} "\". Results are kept in the browser where the quiz was taken."</p>
                <p><a href="#/">"Go to the list of books"</a></p>
            </section>
        }
        .into_any();
    };
    let bank = RwSignal::new(None::<Result<Arc<Bank>, String>>);
    {
        let book = result.book.clone();
        leptos::task::spawn_local(async move {
            drop(bank.try_set(Some(state.bank(&book).await)));
        });
    }
    let again = {
        let book = result.book.clone();
        let count = result.responses.len();
        move |_| {
            state.go_to(Route::Quiz(QuizRequest::new(
                book.clone(),
                count,
                random_seed(),
            )))
        }
    };
    let book_link = Route::Book {
        book: result.book.clone(),
    }
    .to_hash();
    let score = result.score;
    let missed: Vec<String> = result
        .responses
        .iter()
        .filter(|r| !r.correct)
        .map(|r| r.question.clone())
        .collect();
    let retry = (!missed.is_empty()).then(|| {
        let text = match missed.len() {
            1 => "Retry the question you missed".to_owned(),
            n => format!("Retry the {n} questions you missed"),
        };
        let link = Route::Quiz(QuizRequest::mistakes(
            result.book.clone(),
            missed,
            random_seed(),
        ));
        view! { <a class="button" id="retry-mistakes" href=link.to_hash()>{text}</a> }
    });
    view! {
        <section class="page results">
            <p class="crumbs"><a href=book_link.clone()>"Back to the book"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Your result"</h1>
            <p class="score" id="score">{score_text(score)}</p>
            <p class="actions">
                <button type="button" class="primary" on:click=again>"Take another quiz"</button>
                {retry}
                <a href="#/">"All books"</a>
            </p>
            <h2>"Review"</h2>
            {move || match bank.get() {
                None => view! { <p role="status">"Loading the questions…"</p> }.into_any(),
                Some(Err(error)) => view! { <p role="alert" class="error">"The questions could not be loaded: " {error}</p> }.into_any(),
                Some(Ok(bank)) => view! { <Review bank result=result.clone()/> }.into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Review(bank: Arc<Bank>, result: AttemptResult) -> impl IntoView {
    view! {
        <ol class="review">
            {result.responses.into_iter().map(|response| view! { <ReviewItem bank=bank.clone() response/> }).collect_view()}
        </ol>
    }
}

/// One answered question: the options with what was picked and why each
/// is right or wrong, then the explanation.
#[component]
pub fn ReviewItem(bank: Arc<Bank>, response: Response) -> impl IntoView {
    let Some(question) = bank.question(&response.question).cloned() else {
        return view! {
            <li class="review-item">
                <p>"This question has been removed from the bank since you answered it."</p>
            </li>
        }
        .into_any();
    };
    let chapter = bank
        .chapter(&question.chapter)
        .map(|c| format!("Chapter {} · {}", c.id, c.title))
        .unwrap_or_default();
    view! {
        <li class="review-item" class:right=response.correct class:wrong=!response.correct>
            <p class="verdict">{if response.correct { "Correct" } else { "Wrong" }} <span class="chapter">{chapter}</span></p>
            <QuestionText question=question.clone()/>
            {review_answer(&question, &response)}
            {question.explanation.clone().map(|html| view! { <div class="explanation" inner_html=html></div> })}
            {question.reread.clone().map(|topic| view! { <p class="reread">"Reread: " {topic}</p> })}
            {(!question.read.is_empty()).then(|| view! { <ReadingLinks links=question.read.clone()/> })}
        </li>
    }
    .into_any()
}

/// What was answered next to what was right: the options marked, the
/// output typed and the one expected, or the order given and the correct one.
fn review_answer(question: &Question, response: &Response) -> AnyView {
    match question.kind {
        QuestionKind::Typed => view! {
            <div class="typed-review">
                <p>"You typed:"</p>
                <pre class="typed-given">{response.answer.typed_text().unwrap_or_default().to_owned()}</pre>
                <ExpectedOutput expected=question.accept.first().cloned().unwrap_or_default()/>
            </div>
        }
        .into_any(),
        QuestionKind::Order => {
            let given = response.answer.steps().unwrap_or_default();
            view! {
                <div class="order-review">
                    <p>"Your order:"</p>
                    <ol class="given-order">
                        {given.iter().filter_map(|&i| question.options.get(i)).map(|step| view! {
                            <li class="step-text" inner_html=step.text.clone()></li>
                        }).collect_view()}
                    </ol>
                    <p>"The correct order:"</p>
                    <CorrectOrder steps=question.options.clone()/>
                </div>
            }
            .into_any()
        }
        _ => {
            let literal = question.kind == QuestionKind::Output;
            view! {
                <ul class="options review-options" class:literal=literal>
                    {question.options.iter().enumerate().map(|(index, option)| {
                        let mark = OptionMark::graded(response.answer.contains(index), option.correct);
                        view! {
                            <li class=mark_class(mark)>
                                {option_text(option, literal)}
                                <div class="why"><strong>{mark_label(mark)}</strong> <div inner_html=option.why.clone()></div></div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
