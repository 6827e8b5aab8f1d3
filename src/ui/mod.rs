//! The pages. Components read state and call `AppState` (or the quiz's
//! own Wasm's `FirstQuizState`, through `QuizHost`) or the application
//! layer; they hold no quiz rules of their own.

pub mod app;
mod book_page;
mod confirm_button;
mod embed_help;
mod embed_page;
pub mod first_quiz_app;
mod focus;
mod form_values;
pub mod home_app;
mod home_page;
mod interview_page;
mod interview_report_page;
mod interviews_page;
mod lms_page;
mod notice;
mod option_view;
mod order_steps;
mod pack_load_page;
mod pack_problems;
mod packs_page;
mod progress_page;
mod progress_transfer;
mod question_card;
mod question_text;
mod quiz_page;
mod reading_links;
mod results_page;
mod site_frame;
mod topic_practice;
mod typed_answer;
mod where_to_read;
