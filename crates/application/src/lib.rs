//! The application layer: what a person can do with the quiz (take a quiz,
//! keep progress, move between pages), written against ports so that the
//! browser is only one of the places it can run.
//!
//! Depends on the domain only; the browser adapters and the Leptos UI depend
//! on this crate, never the other way round.

mod attempt_history;
mod content;
mod embed_channel;
mod embed_protocol;
mod embed_request;
mod exam;
mod exam_report;
mod export;
mod home_records;
mod home_summary;
mod host_origin;
mod keyed_list;
mod mastery;
mod memory;
mod memory_host_page;
mod pack;
mod pack_html;
mod pack_shape;
mod pack_shelf;
mod pack_url;
mod ports;
mod progress;
mod progress_book;
mod quiz_request;
mod route;
mod session;
mod settings;
mod shown_options;
mod storage;
mod theme;
mod transfer;
mod unfinished;
mod url_query;
mod xapi_statement;

pub use attempt_history::{ArchivedRuns, AttemptSummary, Run};
pub use content::{read_bank, read_catalog};
pub use embed_channel::EmbedChannel;
pub use embed_protocol::{
    Completion, FrameMessage, HostCommand, QuestionResult, PROTOCOL, PROTOCOL_VERSION,
};
pub use embed_request::{EmbedRequest, EMBED_PARAMETERS};
pub use exam::{
    ExamRequest, ExamSession, ExamSummary, SavedExam, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS,
    MAX_EXAM_MINUTES,
};
pub use exam_report::{ChapterScore, ExamReport, ReadingGroup};
pub use export::{
    ExportedPack, ImportError, ImportReport, UnreadableCopy, EXPORT_APP, EXPORT_FORMAT,
    MAX_IMPORT_BYTES,
};
pub use home_records::{HomeRecords, HomeView};
pub use home_summary::HomeSummary;
pub use host_origin::HostOrigin;
pub use mastery::{BookMastery, Mastery, HALF_LIFE_DAYS};
pub use memory::MemoryStore;
pub use memory_host_page::MemoryHostPage;
pub use pack::{
    pack_size_problem, read_pack, MAX_LABEL_CHARS, MAX_PACK_BYTES, MAX_PACK_QUESTIONS,
    MAX_SUMMARY_CHARS,
};
pub use pack_html::sanitize_html;
pub use pack_shelf::{
    LinkedPack, LoadedPack, PackAdded, PackShelf, MAX_STORED_PACKS, MAX_STORED_PACK_BYTES,
};
pub use pack_url::{PackUrl, MAX_PACK_URL_CHARS};
pub use ports::{Clock, HostPage, KeyValueStore, StoreError};
pub use progress::{BookStats, LatestAnswer, Progress, ALL_BOOKS, DETAIL_BUDGET, PROGRESS_SCHEMA};
pub use progress_book::{ProgressBook, StorageNotice};
pub use quiz_request::{QuizRequest, DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH, REVIEW_SESSION_LENGTH};
pub use route::Route;
pub use session::{OptionMark, Phase, QuizSession};
pub use settings::Settings;
pub use storage::{
    EXAM_KEY, PACKS_KEY, PACK_PROGRESS_KEY, PROGRESS_BACKUP_KEY, PROGRESS_KEY, THEME_KEY,
    UNFINISHED_KEY,
};
pub use theme::Theme;
pub use transfer::Records;
pub use unfinished::{ResumeOffer, UnfinishedQuiz};
pub use xapi_statement::{XapiStatement, PASS_PERCENT, XAPI_COMPLETED};
